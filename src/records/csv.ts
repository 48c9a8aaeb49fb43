/**
 * CSV as RFC 4180 describes it: CRLF between records, every field that holds a comma, a double quote, CR or LF
 * enclosed in double quotes with inner quotes doubled. The file starts with a UTF-8 byte-order mark so that Excel
 * reads accents correctly. A field that a spreadsheet would run as a formula (it starts with =, +, -, @, tab or CR)
 * is prefixed with an apostrophe (OWASP "CSV injection"): a record of processing must never execute anything.
 */

const needsQuotes = /[",\r\n]/;
const formulaStart = /^[=+\-@\t\r]/;

export const utf8Bom = '\uFEFF';

export function csvField(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The text of a CSV file (with the byte-order mark) for a header and rows. */
export function writeCsv(columns: string[], rows: string[][]): string {
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
