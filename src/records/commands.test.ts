import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { projectFile } from '../platform/project.js';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { runCli } from '../../test/support/cli.js';
import { parseCsv } from '../platform/csv.js';

const run = (argv: string[], cwd: string) => runCli(argv, { cwd });

describe('charter records export', () => {
  it('writes the XLSX of an example charter to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-records-cli-'));
    const result = await run(
      [
        'records',
        'export',
        '--charter',
        projectFile('examples/lumen-av/charter.yaml'),
        '--format',
        'xlsx',
        '--out',
        'record.xlsx',
      ],
      dir,
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^record\.xlsx: XLSX, \d+ bytes$/);
    const parts = unzipSync(readFileSync(join(dir, 'record.xlsx')));
    // Lumen AV writes Dutch by default.
    expect(strFromU8(parts['xl/workbook.xml']!)).toContain('<sheet name="Register verantwoordelijke"');
  });

  it('writes the processor record as CSV in the asked language, under its default name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-records-cli-'));
    const result = await run(
      [
        'records',
        'export',
        '--charter',
        projectFile('examples/flashbooth/charter.yaml'),
        '--format',
        'csv',
        '--record',
        'processor',
        '--language',
        'fr',
      ],
      dir,
    );
    expect(result.code).toBe(0);
    const name = result.out.split(':')[0]!;
    expect(name).toMatch(/^records-of-processing-flashbooth-fr-\d{4}-\d{2}-\d{2}-processor\.csv$/);
    const rows = parseCsv(readFileSync(join(dir, name), 'utf8'));
    expect(rows[0]![1]).toBe('Responsable du traitement (client)');
  });

  it('exits 2 on a bad option and 1 on an invalid charter or a missing processor record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-records-cli-'));
    expect((await run(['records', 'export', '--format', 'docx'], dir)).code).toBe(2);
    expect((await run(['records', 'export'], dir)).code).toBe(2);
    writeFileSync(join(dir, 'charter.yaml'), minimalCharterYaml.replace('authority: be-apd', 'authority: nowhere'));
    const invalid = await run(['records', 'export', '--format', 'pdf'], dir);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^charter\.yaml:\d+:\d+: error: /);
    writeFileSync(join(dir, 'charter.yaml'), minimalCharterYaml);
    const controllerOnly = await run(['records', 'export', '--format', 'csv', '--record', 'processor'], dir);
    expect(controllerOnly.code).toBe(1);
    expect(controllerOnly.err).toContain('keeps no processor record');
  });
});
