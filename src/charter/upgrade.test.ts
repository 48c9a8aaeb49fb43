/**
 * `charter upgrade` (issue 18, item 9): every example is already current; an old-style charter (a `traverse` on a
 * reference) is shown as a diff, left alone without --write, rewritten with --write keeping its comments, and then
 * validates; exit codes 0, 1 and 2 as documented.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCharterNames, minimalCharterYaml } from '../../test/support/charter.js';
import { runCli } from '../../test/support/cli.js';
import { projectFile } from '../platform/project.js';
import { loadCharter } from './loader.js';
import { upgradeCharterText } from './upgrade.js';

const oldStyle = `${minimalCharterYaml}stores:
  - id: shop
    kind: postgres
    connection: SHOP_DB
    tables:
      - name: customers
        primaryKey: id
        columns: [{ name: email, category: contact.email, identity: email }]
      - name: orders
        primaryKey: id
        references:
          # the customer who placed the order
          - column: customer_id
            to: customers.id
            traverse: back
      - name: profiles
        primaryKey: id
        references:
          - { column: customer_id, to: customers.id, traverse: to }
`;

describe('charter upgrade', () => {
  it.each(exampleCharterNames())('says the example %s is already current and exits 0', async (name) => {
    const run = await runCli(['upgrade', `examples/${name}.yaml`], { cwd: projectFile() });
    expect(run.code).toBe(0);
    expect(run.out).toContain('is already current (format version 1)');
  });

  it('removes an obsolete traverse, keeps the comments and says where profile: true may be meant', () => {
    expect(loadCharter(oldStyle).ok).toBe(true);
    const result = upgradeCharterText(oldStyle);
    expect(result.changes).toEqual([
      'stores[0].tables[1].references[0]: removed "traverse: back" (no longer used)',
      'stores[0].tables[2].references[0]: removed "traverse: to" (no longer used)',
    ]);
    expect(result.notes).toEqual([expect.stringContaining('profiles.customer_id')]);
    expect(result.text).not.toContain('traverse');
    expect(result.text).toContain('# the customer who placed the order');
    expect(loadCharter(result.text).ok).toBe(true);
    // Nothing else moved: the rest of the file is as written.
    expect(result.text.split('\n').filter((line) => !oldStyle.includes(line))).toEqual([
      '          - { column: customer_id, to: customers.id }',
    ]);
  });

  it('prints the diff and exits 1 without --write, rewrites with --write and exits 0, then is current', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-upgrade-'));
    writeFileSync(join(dir, 'charter.yaml'), oldStyle);
    const dry = await runCli(['upgrade', 'charter.yaml'], { cwd: dir });
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('-             traverse: back');
    expect(dry.out).toContain('nothing was written');
    expect(readFileSync(join(dir, 'charter.yaml'), 'utf8')).toBe(oldStyle);
    const write = await runCli(['upgrade', 'charter.yaml', '--write'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.out).toContain('Rewrote charter.yaml: 2 change(s).');
    expect(readFileSync(join(dir, 'charter.yaml'), 'utf8')).toContain('# the customer who placed the order');
    const again = await runCli(['upgrade', 'charter.yaml'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.out).toContain('already current');
  });

  it('exits 2 for a file it cannot read', async () => {
    const run = await runCli(['upgrade', 'no-such-charter.yaml'], {
      cwd: mkdtempSync(join(tmpdir(), 'charter-upgrade-')),
    });
    expect(run.code).toBe(2);
    expect(run.err).toContain('cannot read no-such-charter.yaml');
  });
});
