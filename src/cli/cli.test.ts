import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { runCli } from '../../test/support/cli.js';
import { projectFile } from '../platform/project.js';
import { commands } from './commands.js';
import { serveCharterFile } from './core-commands.js';

const run = (argv: string[], cwd = projectFile()) => runCli(argv, { cwd });

describe('charter CLI', () => {
  it('validates every example charter with exit 0', async () => {
    const result = await run([
      'validate',
      'examples/lumen-av/charter.yaml',
      'examples/kamer-west/charter.yaml',
      'examples/flashbooth/charter.yaml',
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.match(/: valid \(revision [0-9a-f]{12}\)/g)).toHaveLength(3);
    // Every table tells its own identity columns from those naming another person (docs/ownership.md).
    expect(result.out).not.toContain('warning:');
  });

  it('reports five deliberate mistakes of different kinds with line:col and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-cli-'));
    const broken = minimalCharterYaml
      .replace('recipients: [mailer]', 'recipients: [mailer, ghost]') // dangling recipient
      .replace('data: [contact.email, identity.name]', 'data: [contact.emial, identity.name]') // unknown data category
      .replace('    duration: P13M\n', '    duration: P5Y\n') // a cookie lasting five years
      .replace('subjects: [customer]\n    data: [online', 'subjects: [custmer]\n    data: [online') // dangling subject
      .replace('authority: be-apd', 'authority: be-privacy-commission'); // unknown authority
    writeFileSync(join(dir, 'charter.yaml'), broken);
    const result = await run(['validate', 'charter.yaml'], dir);
    expect(result.code).toBe(1);
    const lines = result.err.split('\n').filter((l) => /^charter\.yaml:\d+:\d+: error: /.test(l));
    expect(lines).toHaveLength(5);
    expect(result.err).toContain('did you mean "customer"');
    expect(result.err).toContain('charter.yaml: 5 problems');
  });

  it('exits 2 for an unknown command or option, 0 for --help and --version', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['validate', '--bogus'])).code).toBe(2);
    const help = await run(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: charter validate');
    expect((await run(['--version'])).out).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("fits the overview and every command's help in 80 columns", async () => {
    const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));
    const overview = await run(['--help']);
    expect(widest(overview.out)).toBeLessThanOrEqual(80);
    expect(overview.out).toContain('  charter retention run');
    for (const name of commands.map((c) => c.name)) {
      const help = await run([...name.split(' '), '--help']);
      expect(help.code).toBe(0);
      expect(widest(help.out), name).toBeLessThanOrEqual(80);
    }
  });

  it('prints a JSON Schema that describes the charter sections', async () => {
    const result = await run(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.out);
    expect(schema.properties.purposes.type).toBe('array');
    expect(schema.required).toContain('organisation');
  });

  it('init writes a small commented starter that validates and lints without errors or warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-init-'));
    const created = await run(['init', dir]);
    expect(created.code).toBe(0);
    const text = readFileSync(join(dir, 'charter.yaml'), 'utf8');
    expect(text.split('\n').filter((line) => line.trimStart().startsWith('#')).length).toBeGreaterThan(10);
    expect(text.length).toBeLessThan(5000);
    expect((await run(['validate', join(dir, 'charter.yaml')])).code).toBe(0);
    const lint = await run(['lint', join(dir, 'charter.yaml')]);
    expect(lint.code).toBe(0);
    expect(lint.out).toContain(': 0 errors, 0 warnings');
  });

  it('serve takes ./charter.yaml when no charter is named, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-serve-default-'));
    const said: string[] = [];
    const io = { out: (text: string) => said.push(text), err: () => {}, env: {}, cwd: dir, isTTY: false };
    expect(await serveCharterFile(io, undefined, undefined)).toBeUndefined();
    writeFileSync(join(dir, 'charter.yaml'), minimalCharterYaml);
    expect(await serveCharterFile(io, undefined, undefined)).toBe('charter.yaml');
    expect(said).toEqual(['Using ./charter.yaml (no --charter given).']);
    expect(await serveCharterFile(io, 'other.yaml', undefined)).toBe('other.yaml');
    expect(await serveCharterFile(io, undefined, '/etc/charter.yaml')).toBeUndefined();
  });

  it('init scaffolds a valid charter without asking anything, and refuses to overwrite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-init-'));
    expect((await run(['init', dir, '--example', 'kamer-west'])).code).toBe(0);
    expect(readFileSync(join(dir, 'charter.yaml'), 'utf8')).toContain('charter: 1');
    expect((await run(['validate', join(dir, 'charter.yaml')])).code).toBe(0);
    expect((await run(['init', dir])).code).toBe(1);
    expect((await run(['init', dir, '--example', 'nope'])).code).toBe(2);
  });

  it('lints an example with findings printed as file:line:col', async () => {
    const result = await run(['lint', 'examples/lumen-av/charter.yaml', '--json']);
    const report = JSON.parse(result.out);
    expect(report.valid).toBe(result.code === 0);
    expect(Array.isArray(report.findings)).toBe(true);
  });
});
