import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCookiePolicy } from '../notices/build-cookie-policy.js';
import { buildNotice } from '../notices/build-notice.js';
import { renderMarkdown } from '../notices/render-markdown.js';
import { projectFile } from '../platform/project.js';
import { lintCharter } from '../lint.js';
import { formatProblem, loadCharter, parseCharterDocument } from './loader.js';
import { charterForSite } from './site-controller.js';
import { loadCharterWithTemplates, resolvedCharterSource } from './template-files.js';
import type { ReadTemplate } from './templates.js';

const template = readFileSync(projectFile('examples/agency/template.yaml'), 'utf8');

/** Templates from memory: file name → text. */
function reader(files: Record<string, string>): ReadTemplate {
  return (name) => {
    const text = files[name];
    if (text === undefined) return { problem: `file not found (${name})` };
    const parsed = parseCharterDocument(text, name);
    return parsed.ok ? { document: parsed.document } : { problem: parsed.problems[0]!.message };
  };
}

const load = (text: string, files: Record<string, string> = { 'template.yaml': template }) =>
  loadCharter(text, 'client.yaml', { readTemplate: reader(files) });

const client = (extra: string) => `extends: template.yaml
organisation:
  id: client
  legalName: Client BV
  addresses:
    - street: Straat 1
      postalCode: "9000"
      city: Gent
      country: BE
  contact:
    email: privacy@client.example
sites:
  - id: client
    name: Client
    domain: www.client.example
${extra}`;

describe('extends: the merge rule', () => {
  it('merges maps deeply, the charter winning, and keeps what the charter does not mention', () => {
    const loaded = load(client(''));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.charter.organisation.legalName).toBe('Client BV');
    expect(loaded.charter.organisation.authority).toBe('be-apd');
    expect(loaded.charter.languages).toEqual(['nl', 'fr', 'en', 'de']);
    expect(loaded.charter.purposes.map((p) => p.id)).toEqual(['enquiries', 'statistics']);
  });

  it('merges lists of items by id: same id merged in place, new ids appended, $remove removes', () => {
    const loaded = load(
      client(`purposes:
  - id: newsletter
    name: Newsletter
    description: We send news.
    legalBasis: consent
    subjects: [enquirer]
    data: [contact.email]
    retention: { duration: P2Y, from: collection, action: delete }
  - id: enquiries
    retention: { duration: P6M, from: last-contact, action: delete }
  - id: statistics
    $remove: true
recipients:
  - id: analytics
    $remove: true
consent:
  categories: []
cookies: []
`),
    );
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
    if (!loaded.ok) return;
    expect(loaded.charter.purposes.map((p) => p.id)).toEqual(['enquiries', 'newsletter']);
    const enquiries = loaded.charter.purposes[0]!;
    expect(enquiries.retention).toEqual(expect.objectContaining({ duration: 'P6M' }));
    // The rest of the template's purpose is kept.
    expect(enquiries.legalBasis).toBe('legitimate-interests');
    expect(loaded.charter.recipients.map((r) => r.id)).toEqual(['hosting']);
  });

  it('replaces lists without ids and scalars whole, and removes a key given null', () => {
    const loaded = load(client('languages: [fr]\ndefaultLanguage: null\n'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.charter.languages).toEqual(['fr']);
    expect(loaded.charter.defaultLanguage).toBeUndefined();
  });

  it('reports a wrong value of the template in the template file, at its line, under the resolved path', () => {
    const broken = template.replace('legalBasis: consent', 'legalBasis: consentt');
    const loaded = load(client(''), { 'template.yaml': broken });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const line = broken.split('\n').findIndex((l) => l.includes('consentt')) + 1;
    expect(loaded.problems).toEqual([
      expect.objectContaining({ file: 'template.yaml', line, path: 'purposes[1].legalBasis' }),
    ]);
  });

  it("reports a wrong value of the charter in the charter file, even inside an item merged with the template's", () => {
    const loaded = load(client('purposes:\n  - id: enquiries\n    legalBasis: nope\n'));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toEqual([
      expect.objectContaining({ file: 'client.yaml', line: 18, column: 17, path: 'purposes[0].legalBasis' }),
    ]);
  });

  it('refuses removing an id the template does not have, a missing template, a cycle, and extends without files', () => {
    const unknown = load(client('recipients:\n  - id: nobody\n    $remove: true\n'));
    expect(unknown.ok ? [] : unknown.problems.map(formatProblem)).toEqual([
      'client.yaml:17:9: error: recipients[0].id: nothing with id "nobody" to remove: the template has no such item',
    ]);
    const missing = load(client(''), {});
    expect(missing.ok ? [] : missing.problems.map(formatProblem)).toEqual([
      'client.yaml:1:10: error: extends: template "template.yaml": file not found (template.yaml)',
    ]);
    const cycle = load(client(''), {
      'template.yaml': 'extends: other.yaml\n',
      'other.yaml': 'extends: template.yaml\n',
    });
    expect(cycle.ok ? [] : cycle.problems.map((p) => p.message)).toEqual([expect.stringContaining('extends itself')]);
    const noFiles = loadCharter(client(''), 'client.yaml');
    expect(noFiles.ok ? [] : noFiles.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('cannot be read here'),
    ]);
  });

  it('resolves the source sent to a server into one charter naming its files', () => {
    const file = projectFile('examples/agency/clients/bakkerij-verhaegen.yaml');
    const resolved = resolvedCharterSource(readFileSync(file, 'utf8'), file, projectFile('examples/agency'));
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.source).toMatch(
      /^# Resolved by charter from clients\/bakkerij-verhaegen\.yaml extending template\.yaml;/,
    );
    expect(resolved.source).not.toContain('extends:');
    const again = loadCharter(resolved.source, 'resolved.yaml');
    expect(again.ok && again.charter.organisation.id).toBe('bakkerij-verhaegen');
  });
});

describe('per-site controller', () => {
  it("names each site's own controller, keeping the organisation's where the site has none", () => {
    const file = projectFile('examples/agency/clients/sportclub-zennevallei.yaml');
    const loaded = loadCharterWithTemplates(readFileSync(file, 'utf8'), file);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    expect(charterForSite(loaded.charter, 'zennevallei').organisation.legalName).toBe('Sportclub Zennevallei vzw');
    const youth = charterForSite(loaded.charter, 'zennevallei-jeugd').organisation;
    expect(youth).toEqual(
      expect.objectContaining({
        legalName: 'Jeugdfonds Zennevallei vzw',
        companyNumber: 'BE0789.333.444',
        contact: { email: 'jeugdfonds@zennevallei.example' },
      }),
    );
    expect(youth.addresses).toEqual(loaded.charter.organisation.addresses);
    for (const language of ['en', 'nl', 'fr', 'de'] as const) {
      const own = renderMarkdown(buildNotice(loaded.charter, 'zennevallei-jeugd', language));
      expect(own).toContain('Jeugdfonds Zennevallei vzw');
      expect(own).toContain('BE0789.333.444');
      expect(own).not.toContain('BE0456.111.222');
      const club = renderMarkdown(buildNotice(loaded.charter, 'zennevallei', language));
      expect(club).toContain('BE0456.111.222');
      expect(club).not.toContain('Jeugdfonds Zennevallei vzw is');
    }
  });
});

describe('the agency example', () => {
  const clients = ['bakkerij-verhaegen', 'atelier-lambert', 'sportclub-zennevallei'];
  for (const name of clients) {
    it(`${name}: validates, lints without errors, renders every site in every language`, () => {
      const file = projectFile(`examples/agency/clients/${name}.yaml`);
      const loaded = loadCharterWithTemplates(readFileSync(file, 'utf8'), file);
      if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
      const charter = loaded.charter;
      expect(charter.organisation.id).toBe(name);
      expect(
        lintCharter(charter, { now: new Date('2026-12-05T00:00:00Z') }).filter((f) => f.severity === 'error'),
      ).toEqual([]);
      for (const site of charter.sites) {
        for (const language of site.languages ?? charter.languages) {
          const notice = renderMarkdown(buildNotice(charter, site.id, language));
          const cookies = renderMarkdown(buildCookiePolicy(charter, site.id, language));
          // The template's placeholder identity never reaches a client's pages.
          for (const text of [notice, cookies]) {
            expect(text).not.toContain('Replace with');
            expect(text).not.toContain('example.invalid');
          }
          expect(notice).toContain(charterForSite(charter, site.id).organisation.legalName);
        }
      }
    });
  }

  it('keeps what a client removed out of its notice (no statistics at the architects)', () => {
    const file = projectFile('examples/agency/clients/atelier-lambert.yaml');
    const loaded = loadCharterWithTemplates(readFileSync(file, 'utf8'), file);
    if (!loaded.ok) throw new Error('invalid');
    expect(loaded.charter.purposes.map((p) => p.id)).toEqual(['enquiries']);
    expect(renderMarkdown(buildNotice(loaded.charter, 'lambert', 'fr'))).not.toContain('Telwerk');
  });
});
