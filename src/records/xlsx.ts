/**
 * A small XLSX (Office Open XML SpreadsheetML, ECMA-376) writer: a zip of the minimal set of parts Excel, LibreOffice
 * and Numbers open without repair — content types, relationships, workbook, styles, shared strings and one worksheet
 * per table. Every cell is a string (a record of processing has no numbers to compute with), kept once in the shared
 * string table. Rows: a title, an empty row, the header (bold on a grey fill, frozen, with an auto-filter), the data.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface XlsxSheet {
  name: string;
  title?: string;
  columns: string[];
  /** Column widths in characters. */
  widths?: number[];
  rows: string[][];
}

export interface XlsxMetadata {
  title: string;
  creator: string;
  created: Date;
  language?: string;
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except the surrogates and U+FFFE/U+FFFF.
const invalidXmlChars =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(invalidXmlChars, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, unique (case-insensitive). */
export function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const base =
      raw
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// Style indexes in cellXfs below.
const styleBody = 1;
const styleHeader = 2;
const styleTitle = 3;

const stylesXml = `${xmlHeader}<styleSheet xmlns="${mainNs}">
<fonts count="3"><font><sz val="10"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="10"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FFB4B4B4"/></left><right style="thin"><color rgb="FFB4B4B4"/></right><top style="thin"><color rgb="FFB4B4B4"/></top><bottom style="thin"><color rgb="FFB4B4B4"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** Builds the workbook; returns the bytes of the .xlsx file. */
export function writeXlsx(sheets: XlsxSheet[], meta: XlsxMetadata): Uint8Array {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  let stringCount = 0;
  const shared = (value: string): number => {
    stringCount++;
    const clean = value.replace(/\r\n?/g, '\n');
    let index = stringIndex.get(clean);
    if (index === undefined) {
      index = strings.length;
      strings.push(clean);
      stringIndex.set(clean, index);
    }
    return index;
  };

  const names = sheetNames(sheets.map((s) => s.name));
  const worksheets = sheets.map((sheet) => worksheetXml(sheet, shared));

  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${relNs}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    ),
    'docProps/core.xml': strToU8(
      `${xmlHeader}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:title>${escapeXml(meta.title)}</dc:title><dc:creator>${escapeXml(meta.creator)}</dc:creator>` +
        (meta.language ? `<dc:language>${escapeXml(meta.language)}</dc:language>` : '') +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:created>` +
        '</cp:coreProperties>',
    ),
    'docProps/app.xml': strToU8(
      `${xmlHeader}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Charter</Application></Properties>`,
    ),
    'xl/workbook.xml': strToU8(
      `${xmlHeader}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><bookViews><workbookView/></bookViews><sheets>` +
        names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets>' +
        // The auto-filter of each sheet needs its defined name, or Excel repairs the file.
        '<definedNames>' +
        worksheets
          .map((w, i) =>
            w.filterRef
              ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(names[i]!.replace(/'/g, "''"))}'!${absolute(w.filterRef)}</definedName>`
              : '',
          )
          .join('') +
        '</definedNames></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${relNs}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(stylesXml),
  };
  worksheets.forEach((w, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(w.xml);
  });
  files['xl/sharedStrings.xml'] = strToU8(
    `${xmlHeader}<sst xmlns="${mainNs}" count="${stringCount}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('') +
      '</sst>',
  );
  // A fixed modification time makes the same record give the same bytes.
  return zipSync(files, { level: 6, mtime: meta.created });
}

function absolute(ref: string): string {
  return ref
    .split(':')
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}

function worksheetXml(sheet: XlsxSheet, shared: (value: string) => number): { xml: string; filterRef?: string } {
  const columnCount = Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.length));
  const lastColumn = columnName(Math.max(columnCount - 1, 0));
  const rows: string[] = [];
  let rowNumber = 0;
  const addRow = (values: string[], style: number, height?: number) => {
    rowNumber++;
    const cells = values
      .map((value, c) =>
        value === '' ? '' : `<c r="${columnName(c)}${rowNumber}" t="s" s="${style}"><v>${shared(value)}</v></c>`,
      )
      .join('');
    rows.push(`<row r="${rowNumber}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`);
  };
  if (sheet.title) {
    addRow([sheet.title], styleTitle, 20);
    rowNumber++; // an empty row between the title and the table
  }
  addRow(sheet.columns, styleHeader);
  const headerRow = rowNumber;
  for (const row of sheet.rows) addRow(row, styleBody);
  const lastRow = Math.max(rowNumber, headerRow);
  const filterRef = `A${headerRow}:${lastColumn}${lastRow}`;
  const widths = sheet.widths ?? sheet.columns.map(() => 24);
  const cols = widths.length
    ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const xml =
    `${xmlHeader}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">` +
    `<dimension ref="A1:${lastColumn}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<autoFilter ref="${filterRef}"/>` +
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape"/>' +
    '</worksheet>';
  return { xml, filterRef };
}
