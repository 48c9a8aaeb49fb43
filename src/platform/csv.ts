/**
 * The one CSV writer of Charter (records of processing, access packages, any other export). CSV as RFC 4180 describes
 * it: CRLF between records, every field that holds a comma, a double quote, CR or LF enclosed in double quotes with
 * inner quotes doubled. The file starts with a UTF-8 byte-order mark so that Excel reads accents correctly. A text
 * field that a spreadsheet would run as a formula (it starts with =, +, -, @, tab or CR) is prefixed with an
 * apostrophe (OWASP "CSV injection"): a file Charter hands out must never execute anything — an access package's
 * cells come from the organisation's stores, where anyone who filled in a web form chose the text.
 */

const needsQuotes = /[",\r\n]/;
const formulaStart = /^[=+\-@\t\r]/;

export const utf8Bom = '\uFEFF';

/** A cell: text is guarded and quoted; a number or boolean is written as JavaScript prints it; null is empty. */
export type CsvCell = string | number | boolean | null;

/** One field, guarded against formulas and quoted as RFC 4180 requires. */
export function csvField(value: CsvCell): string {
  // A number prints as digits, a sign, a dot or an exponent (-5, 1e+21): a value, never a formula, so no apostrophe.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The text of a CSV file (with the byte-order mark) for a header and rows.
 *
 * @example
 *   writeCsv(['name', 'note'], [['Ann', '=HYPERLINK("http://evil.test")']])
 *   // '\uFEFFname,note\r\nAnn,"\'=HYPERLINK(""http://evil.test"")"\r\n'
 */
export function writeCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return utf8Bom + [columns, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Parses RFC 4180 CSV (a leading byte-order mark is skipped; LF alone is accepted as a line break too). Used to read
 * back what `writeCsv` wrote and to check imports; throws on an unterminated quoted field.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(utf8Bom) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (fieldStarted || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
