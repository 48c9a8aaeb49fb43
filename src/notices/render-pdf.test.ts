import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import { loadCharterFile } from '../charter/template-files.js';
import { projectFile } from '../platform/project.js';
import { buildCookiePolicy } from './build-cookie-policy.js';
import { buildNotice } from './build-notice.js';
import { printable, renderPdf } from './render-pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'charter-notice-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Renders page `page` of a PDF to a grey-scale PGM with poppler's pdftoppm and returns its pixels. */
function rasterise(pdf: Uint8Array, name: string, page = 1): { width: number; height: number; pixels: Uint8Array } {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', String(page), '-l', String(page), file, join(dir, name)]);
  const output = readdirSync(dir).find((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'));
  if (!output) throw new Error('pdftoppm wrote no image');
  const data = readFileSync(join(dir, output));
  rmSync(join(dir, output));
  // Binary PGM: "P5", width, height, maxval, each separated by whitespace, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [all, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: data.subarray(all.length) };
}

const inked = (pixels: Uint8Array) => pixels.filter((value) => value < 200).length / pixels.length;

describe('the notice as PDF', () => {
  it('is a real PDF whose first page renders with text on it', async () => {
    const loaded = await loadCharterFile(projectFile('examples/lumen-av/charter.yaml'));
    if (!loaded.ok) throw new Error('example does not load');
    const pdf = await renderPdf(buildNotice(loaded.charter, 'main', 'nl'), {
      version: { version: 3, date: '2026-11-02' },
      baseUrl: 'https://charter.example',
    });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { width, height, pixels } = rasterise(pdf, 'lumen');
    expect(width).toBeGreaterThan(350); // A4 at 50 dpi: 413 × 585
    expect(height).toBeGreaterThan(500);
    expect(pixels.length).toBe(width * height);
    const ink = inked(pixels);
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.5);
    const info = execFileSync('pdfinfo', [join(dir, 'lumen.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Privacyverklaring van Lumen AV/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(3);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
  });

  it('renders a cookie policy, and every page has ink (tables continue across pages)', async () => {
    const loaded = await loadCharterFile(projectFile('examples/kamer-west/charter.yaml'));
    if (!loaded.ok) throw new Error('example does not load');
    const pdf = await renderPdf(buildCookiePolicy(loaded.charter, 'events', 'fr'));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))?.[1]);
    for (let page = 1; page <= pages; page++)
      expect(inked(rasterise(pdf, `cookies-${page}`, page).pixels)).toBeGreaterThan(0.002);
  });

  it('prints Czech, Polish and German names exactly as written (embedded Unicode font), small by subsetting', async () => {
    const charter = buildCharter((c) => {
      c.organisation.legalName = 'Škoda Größe GmbH';
      const mailer = c.recipients.find((r) => r.id === 'mailer');
      if (mailer) mailer.name = 'Dvořák (Łódź)';
    });
    const pdf = await renderPdf(buildNotice(charter, 'main', 'en'));
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
    expect(text).toContain('Dvořák (Łódź)');
    expect(text).toContain('Škoda Größe GmbH');
    // The font is subset to the glyphs used: the whole DejaVu Sans family embedded would be over 1.5 MB.
    expect(pdf.length).toBeLessThan(200_000);
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
    expect(fonts).toMatch(/^DejaVuSans-\d+\s+CID TrueType\s+Identity-H\s+yes/m);
  });

  it('renders a Greek authority name, and plain spaces for the typographic ones', async () => {
    expect(printable('a\u202fb\u2011c')).toBe('a b-c');
    const pdf = await renderPdf(
      buildNotice(
        buildCharter((c) => (c.organisation.authority = 'gr-hdpa')),
        'main',
        'fr',
      ),
    );
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
