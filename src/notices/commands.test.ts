import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { runCli } from '../../test/support/cli.js';
import { projectFile } from '../platform/project.js';

const run = (argv: string[], cwd: string) => runCli(argv, { cwd });

const lumen = projectFile('examples/lumen-av/charter.yaml');

describe('charter notice render', () => {
  it("prints the notice as Markdown in the site's default language", async () => {
    const result = await run(['notice', 'render', lumen, '--format', 'md'], tmpdir());
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^# Privacyverklaring van Lumen AV/);
  });

  it('writes a PDF and a standalone page with its stylesheets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-notice-cli-'));
    const pdf = await run(['notice', 'render', lumen, '--lang', 'en', '--format', 'pdf', '--out', 'notice.pdf'], dir);
    expect(pdf.code).toBe(0);
    expect(pdf.out).toMatch(/^notice\.pdf: pdf, privacy-notice, site main, en, \d+ bytes$/);
    expect(readFileSync(join(dir, 'notice.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const html = await run(
      ['notice', 'render', lumen, '--kind', 'cookies', '--format', 'html', '--out', 'cookies.html'],
      dir,
    );
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, 'cookies.html'), 'utf8')).toContain('href="theme.css"');
    expect(readFileSync(join(dir, 'theme.css'), 'utf8')).toContain('--cn-accent: #1f3a5f');
  });

  it('refuses a language the site does not offer, a PDF without --out, and an unknown site (exit 2)', async () => {
    expect((await run(['notice', 'render', lumen, '--lang', 'fr'], tmpdir())).code).toBe(2);
    expect((await run(['notice', 'render', lumen, '--format', 'pdf'], tmpdir())).code).toBe(2);
    expect((await run(['notice', 'render', lumen, '--site', 'shop'], tmpdir())).code).toBe(2);
  });
});

describe('charter notice diff', () => {
  it('lists what changes, exit 1; nothing and exit 0 for the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-notice-diff-'));
    writeFileSync(join(dir, 'before.yaml'), minimalCharterYaml);
    writeFileSync(
      join(dir, 'after.yaml'),
      minimalCharterYaml.replace(
        'retention: { duration: P10Y, from: end-of-contract, action: delete }',
        'retention: { duration: P7Y, from: end-of-contract, action: delete }',
      ),
    );
    const changed = await run(['notice', 'diff', 'before.yaml', 'after.yaml', '--lang', 'nl'], dir);
    expect(changed.code).toBe(1);
    expect(changed.out.replace(/\u00a0/g, ' ')).toBe(
      '- bewaartermijn voor Bestellingen gewijzigd van 10 jaar naar 7 jaar na het einde van onze overeenkomst met u',
    );
    const same = await run(['notice', 'diff', 'before.yaml', 'before.yaml'], dir);
    expect(same.code).toBe(0);
    expect(same.out).toBe('no change to the notice of site main (en)');
  });

  it('is an error (exit 2), not "no change", for a site missing from the first file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-notice-diff-'));
    writeFileSync(join(dir, 'before.yaml'), minimalCharterYaml);
    const withShop = minimalCharterYaml.replace(
      '    domain: www.testco.example\n',
      '    domain: www.testco.example\n  - id: shop\n    name: Testco Shop\n    domain: shop.testco.example\n',
    );
    expect(withShop).toContain('id: shop');
    writeFileSync(join(dir, 'after.yaml'), withShop);
    const missing = await run(['notice', 'diff', 'before.yaml', 'after.yaml', '--site', 'shop'], dir);
    expect(missing.code).toBe(2);
    expect(missing.out).toBe('');
    expect(missing.err).toContain('site "shop" is not in before.yaml');
  });
});
