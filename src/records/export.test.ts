import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCharterFile } from '../charter/template-files.js';
import type { Charter } from '../charter/schema.js';
import { projectFile } from '../platform/project.js';
import { buildCharter } from '../../test/support/charter.js';
import { csvField, parseCsv, writeCsv } from '../platform/csv.js';
import { exportRecords, NoProcessorRecordError } from './export.js';
import { deriveRecords, recordSheets } from './record.js';
import { columnName, sheetNames, writeXlsx } from './xlsx.js';

const run = promisify(execFile);
const now = new Date('2026-11-23T10:00:00Z');
let flashbooth: Charter;
let lumen: Charter;
let dir: string;

beforeAll(async () => {
  const load = async (name: string) => {
    const result = await loadCharterFile(projectFile(`examples/${name}/charter.yaml`));
    if (!result.ok) throw new Error(`${name} invalid`);
    return result.charter;
  };
  flashbooth = await load('flashbooth');
  lumen = await load('lumen-av');
  dir = await mkdtemp(join(tmpdir(), 'charter-records-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A strict-enough XML well-formedness check: one root, balanced tags, quoted attributes, known entities only. */
function assertWellFormed(xml: string, part: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), part).toBe(true);
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const tokens = body.split(/(<[^>]*>)/).filter(Boolean);
  for (const token of tokens) {
    if (token.startsWith('<')) {
      const closing = /^<\/([A-Za-z_][\w:.-]*)\s*>$/.exec(token);
      const opening = /^<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>$/.exec(token);
      if (closing) {
        expect(stack.pop(), `${part}: ${token}`).toBe(closing[1]);
      } else if (opening) {
        if (stack.length === 0) roots++;
        const attributes = [...opening[2]!.matchAll(/([A-Za-z_][\w:.-]*)=/g)].map((m) => m[1]);
        expect(new Set(attributes).size, `${part}: duplicate attribute in ${token}`).toBe(attributes.length);
        if (!opening[3]) stack.push(opening[1]!);
      } else {
        throw new Error(`${part}: malformed tag ${token.slice(0, 80)}`);
      }
    } else {
      expect(stack.length, `${part}: text outside the root`).toBeGreaterThan(0);
      expect(token.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, ''), part).not.toMatch(/[<&]/);
    }
  }
  expect(stack, part).toEqual([]);
  expect(roots, part).toBe(1);
}

function sharedStrings(parts: Record<string, Uint8Array>): string[] {
  const xml = strFromU8(parts['xl/sharedStrings.xml']!);
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<si><t xml:space="preserve">([\s\S]*?)<\/t><\/si>/g)].map((m) => unescape(m[1]!));
}

/** The cell texts of a worksheet, row by row, resolved through the shared strings. */
function sheetRows(parts: Record<string, Uint8Array>, index: number): Map<number, string[]> {
  const strings = sharedStrings(parts);
  const xml = strFromU8(parts[`xl/worksheets/sheet${index}.xml`]!);
  const rows = new Map<number, string[]>();
  for (const row of xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [...row[2]!.matchAll(/<c r="([A-Z]+)\d+" t="s" s="\d+"><v>(\d+)<\/v><\/c>/g)];
    const values: string[] = [];
    for (const cell of cells) {
      const column = [...cell[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      values[column] = strings[Number(cell[2])]!;
    }
    rows.set(
      Number(row[1]),
      Array.from(values, (v) => v ?? ''),
    );
  }
  return rows;
}

describe('XLSX export', () => {
  it('is a well-formed workbook with one sheet per record type and every row of the record', async () => {
    const exported = await exportRecords(flashbooth, { format: 'xlsx', language: 'en', now });
    expect(exported.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(exported.filename).toBe('records-of-processing-flashbooth-en-2026-11-23.xlsx');
    const parts = unzipSync(exported.body);
    for (const name of [
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'docProps/app.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]) {
      expect(parts[name], name).toBeDefined();
      assertWellFormed(strFromU8(parts[name]!), name);
    }
    const workbook = strFromU8(parts['xl/workbook.xml']!);
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Organisation',
      'Controller record',
      'Processor record',
    ]);

    const sheets = recordSheets(deriveRecords(flashbooth, { language: 'en', now }));
    const controller = sheetRows(parts, 2);
    expect(controller.get(1)).toEqual([sheets.controller!.title]);
    expect(controller.get(3)).toEqual(sheets.controller!.columns);
    sheets.controller!.rows.forEach((row, i) => {
      expect(controller.get(4 + i)!.slice(0, 4)).toEqual(row.slice(0, 4));
    });
    expect(controller.size).toBe(2 + sheets.controller!.rows.length);
    const processor = sheetRows(parts, 3);
    expect(processor.get(3)![1]).toBe('Controller (customer)');
    expect([...processor.values()].slice(2).map((r) => r[0])).toEqual(flashbooth.customers.map((c) => c.id));
    const organisation = sheetRows(parts, 1);
    expect([...organisation.values()].some((row) => row[1] === flashbooth.organisation.legalName)).toBe(true);
  });

  it('marks the header row bold, freezes it and sets an auto-filter over the table', () => {
    const bytes = writeXlsx(
      [
        {
          name: 'A',
          title: 'T',
          columns: ['x', 'y'],
          rows: [
            ['1', '2'],
            ['3', '4'],
          ],
        },
      ],
      { title: 'T', creator: 'c', created: now },
    );
    const parts = unzipSync(bytes);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<autoFilter ref="A3:B5"/>');
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toMatch(/<c r="A3" t="s" s="2">/);
    expect(strFromU8(parts['xl/styles.xml']!)).toMatch(/<font><b\/>/);
    expect(strFromU8(parts['xl/workbook.xml']!)).toContain(`'A'!$A$3:$B$5`);
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const parts = unzipSync(
      writeXlsx([{ name: 'x', columns: ['a'], rows: [['<b> & "q"\u0001']] }], {
        title: 't',
        creator: 'c',
        created: now,
      }),
    );
    assertWellFormed(strFromU8(parts['xl/sharedStrings.xml']!), 'sst');
    expect(sharedStrings(parts)).toContain('<b> & "q"');
  });

  it('follows Excel’s rules for sheet names and column letters', () => {
    expect(sheetNames(['a/b', 'A/B', 'x'.repeat(40)])).toEqual(['a b', 'A B 2', 'x'.repeat(31)]);
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});

describe('CSV export', () => {
  it('round-trips every cell of the record, with a byte-order mark and CRLF line ends', async () => {
    const exported = await exportRecords(lumen, { format: 'csv', language: 'nl', now });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(exported.body);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const sheet = recordSheets(deriveRecords(lumen, { language: 'nl', now })).controller!;
    expect(parseCsv(text)).toEqual([sheet.columns, ...sheet.rows]);
  });

  it('exports the processor record of a processor, and refuses it for a controller only', async () => {
    const exported = await exportRecords(flashbooth, { format: 'csv', language: 'fr', now, record: 'processor' });
    const rows = parseCsv(new TextDecoder().decode(exported.body));
    expect(rows[0]![1]).toBe('Responsable du traitement (client)');
    expect(rows.slice(1).map((r) => r[0])).toEqual(flashbooth.customers.map((c) => c.id));
    await expect(
      exportRecords(lumen, { format: 'csv', language: 'en', now, record: 'processor' }),
    ).rejects.toBeInstanceOf(NoProcessorRecordError);
  });

  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    const text = writeCsv(
      ['h1', 'h2'],
      [
        ['a,"b"', 'c\r\nd'],
        ['', 'é'],
      ],
    );
    expect(parseCsv(text)).toEqual([
      ['h1', 'h2'],
      ['a,"b"', 'c\r\nd'],
      ['', 'é'],
    ]);
    expect(() => parseCsv('"open')).toThrow(/unterminated/);
  });
});

/** Reads a binary PPM (P6) and returns the share of pixels that are not white. */
function inkShare(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  const [, width, height] = header.map(Number) as [number, number, number];
  const pixels = ppm.subarray(header[0].length);
  let ink = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3)
    if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) ink++;
  return ink / (width * height);
}

describe('PDF export', () => {
  it('opens and renders: the first pages are landscape and carry text', async () => {
    const exported = await exportRecords(flashbooth, { format: 'pdf', language: 'fr', now });
    expect(exported.contentType).toBe('application/pdf');
    const file = join(dir, 'record.pdf');
    await writeFile(file, exported.body);
    const doc = await PDFDocument.load(exported.body);
    expect(doc.getTitle()).toMatch(/^Registre des activités de traitement/);
    const first = doc.getPage(0).getSize();
    expect(first.width).toBeGreaterThan(first.height);
    // Organisation, controller record and processor record: at least three pages.
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);

    // pdftoppm writes PPM (P6) unless told otherwise; -singlefile names the file exactly.
    await run('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page1')]);
    await run('pdftoppm', ['-r', '40', '-f', '2', '-l', '2', '-singlefile', file, join(dir, 'page2')]);
    const page1 = await readFile(join(dir, 'page1.ppm'));
    const page2 = await readFile(join(dir, 'page2.ppm'));
    expect(inkShare(page1)).toBeGreaterThan(0.01);
    expect(inkShare(page2)).toBeGreaterThan(0.02);
    const { stdout } = await run('pdftotext', ['-f', '2', '-l', '2', file, '-']);
    expect(stdout).toContain('Base juridique');
  });

  it('keeps every record row even when a cell is longer than a page', async () => {
    const long = buildCharter((c) => {
      c.purposes[0]!.description = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    });
    const exported = await exportRecords(long, { format: 'pdf', language: 'en', now });
    const doc = await PDFDocument.load(exported.body);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
  });

  it('prints Czech, Polish and German names exactly as written (embedded Unicode font)', async () => {
    const named = buildCharter((c) => {
      c.organisation.legalName = 'Škoda Größe GmbH';
      const mailer = c.recipients.find((r) => r.id === 'mailer');
      if (mailer) mailer.name = 'Dvořák (Łódź)';
    });
    const exported = await exportRecords(named, { format: 'pdf', language: 'en', now });
    const file = join(dir, 'unicode.pdf');
    await writeFile(file, exported.body);
    const { stdout } = await run('pdftotext', [file, '-']);
    expect(stdout).toContain('Dvořák (Łódź)');
    expect(stdout).toContain('Škoda Größe GmbH');
    expect(stdout).not.toContain('?');
  });
});
