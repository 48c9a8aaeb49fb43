/**
 * The access/portability package (Art. 15 and 20): one ZIP holding a readable HTML report in the requester's language
 * (what data, per purpose the legal basis, recipients, retention and source, automated decisions, transfers, rights —
 * Art. 15(1)(a)–(h) and 15(2)), the same data as JSON and as one CSV per table, and the person's purpose consents
 * with their ledger history. Secrets (password hashes, tokens) never enter it: connectors leave them out and this
 * module drops any column whose category the taxonomy marks secret, as a second wall.
 *
 * Pure: plain data in, bytes out.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import {
  authorityPages,
  findAuthority,
  findDataCategory,
  findTransferMechanism,
  isInEea,
  secretDataCategoryIds,
} from '../charter/catalogs/index.js';
import { duration } from '../charter/duration.js';
import { hasPeriod, retentionKind, type Charter, type Language, type Purpose } from '../charter/schema.js';
import { purposeSources } from '../charter/sources.js';
import type { AccessRecord, JsonValue } from '../stores/connector.js';
import { writeCsv } from '../platform/csv.js';
import type { ConsentHistory } from './ports.js';
import { dateTimeWords, durationWords, fill, localText, rightsTexts } from './texts/index.js';
import { organisationName as organisationNameIn } from '../charter/localized.js';

export interface PackageInput {
  charter: Charter;
  language: Language;
  reference: string;
  generatedAt: Date;
  records: AccessRecord[];
  consents: ConsentHistory;
}

export interface BuiltPackage {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  /** Rows per `store.table`, for the request's result (no values). */
  counts: Record<string, number>;
}

const secret = new Set(secretDataCategoryIds);

interface TableGroup {
  store: string;
  table: string;
  rows: AccessRecord[];
}

/** Groups records by store and table, without secret columns. */
export function groupRecords(records: AccessRecord[]): TableGroup[] {
  const groups = new Map<string, TableGroup>();
  for (const record of records) {
    const key = `${record.store}.${record.table}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { store: record.store, table: record.table, rows: [] }));
    group.rows.push({ ...record, columns: record.columns.filter((c) => !secret.has(c.category)) });
  }
  return [...groups.values()].sort((a, b) => `${a.store}.${a.table}`.localeCompare(`${b.store}.${b.table}`));
}

function scalar(value: JsonValue): string | number | boolean | null {
  return value === null || typeof value !== 'object' ? value : JSON.stringify(value);
}

function tableCsv(group: TableGroup): string {
  const columns = [...new Set(group.rows.flatMap((r) => r.columns.map((c) => c.name)))];
  const rows = group.rows.map((r) => [
    r.key,
    r.restricted,
    r.shared === true,
    ...columns.map((name) => scalar(r.columns.find((c) => c.name === name)?.value ?? null)),
  ]);
  return writeCsv(['_key', '_restricted', '_shared', ...columns], rows);
}

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: string | number | boolean | null | undefined) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => escapeMap[c] ?? c);

function categoryName(id: string, language: Language, charter: Charter): string {
  const custom = charter.data.find((d) => d.id === id);
  if (custom?.name) return localText(custom.name, language);
  return findDataCategory(id)?.name[language] ?? id;
}

const regionNames = new Map<Language, Intl.DisplayNames>();

function countryName(code: string, language: Language): string {
  try {
    let names = regionNames.get(language);
    if (!names) regionNames.set(language, (names = new Intl.DisplayNames([language], { type: 'region' })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The purposes that explain the data found: those governing the tables, and those whose data categories appear. */
export function purposesFor(charter: Charter, groups: TableGroup[], consents: ConsentHistory): Purpose[] {
  const ids = new Set<string>();
  const categories = new Set<string>();
  for (const group of groups) {
    const table = charter.stores.find((s) => s.id === group.store)?.tables.find((t) => t.name === group.table);
    if (table?.purpose) ids.add(table.purpose);
    for (const row of group.rows) for (const column of row.columns) categories.add(column.category);
  }
  for (const purpose of charter.purposes) if (purpose.data.some((d) => categories.has(d))) ids.add(purpose.id);
  for (const event of consents.events) ids.add(event.purpose);
  return charter.purposes.filter((p) => ids.has(p.id));
}

function renderReport(input: PackageInput, groups: TableGroup[]): string {
  const { charter, language } = input;
  const t = rightsTexts[language];
  const org = organisationNameIn(charter, language);
  const authority = findAuthority(charter.organisation.authority);
  const authorityName = authority
    ? (authority.names[language] ?? authority.names.en ?? authority.shortName)
    : charter.organisation.authority;
  const storeName = (id: string) => charter.stores.find((s) => s.id === id)?.name ?? id;

  const dataSection = groups.length
    ? groups
        .map((group) => {
          const rows = group.rows
            .map(
              (
                row,
              ) => `<table><caption>${esc(group.table)} · ${esc(row.key)}${row.restricted ? ` · <em>${esc(t.reportRestricted)}</em>` : ''}${row.shared ? ` · <em>${esc(t.reportShared)}</em>` : ''}</caption>
<thead><tr><th scope="col">${esc(t.reportColumn)}</th><th scope="col">${esc(t.reportCategory)}</th><th scope="col">${esc(t.reportValue)}</th></tr></thead><tbody>
${row.columns.map((c) => `<tr><td>${esc(c.name)}</td><td>${esc(categoryName(c.category, language, charter))}</td><td>${esc(scalar(c.value) ?? '')}</td></tr>`).join('\n')}
</tbody></table>`,
            )
            .join('\n');
          return `<section><h3>${esc(t.reportStore)}: ${esc(storeName(group.store))} — ${esc(group.table)} (${esc(fill(t.reportRows, { count: group.rows.length }))})</h3>\n${rows}</section>`;
        })
        .join('\n')
    : `<p>${esc(t.reportNoData)}</p>`;

  const purposes = purposesFor(charter, groups, input.consents)
    .map((purpose) => {
      const recipients = purpose.recipients
        .map((id) => charter.recipients.find((r) => r.id === id))
        .filter((r) => r !== undefined)
        .map((r) => {
          const outside = !isInEea(r.country);
          const mechanism = r.transfer ? (findTransferMechanism(r.transfer)?.name[language] ?? r.transfer) : '';
          return `<li>${esc(localText(r.name, language))} — ${esc(localText(r.service, language))} (${esc(countryName(r.country, language))}${outside && mechanism ? `; ${esc(fill(t.reportTransfer, { mechanism }))}` : ''})</li>`;
        });
      const rule = purpose.retention;
      const period = hasPeriod(rule)
        ? `${durationWords(duration(rule.duration), language)} ${t.anchors[rule.from]}`
        : retentionKind(rule) === 'criteria'
          ? `${fill(t.reportRetentionCriteria, { criteria: localText(rule.criteria, language) })}${rule.from ? ` (${t.anchors[rule.from]})` : ''}`
          : t.reportRetentionNotDecided;
      const retention = `${period}${rule.description ? ` — ${localText(rule.description, language)}` : ''}`;
      const source = purposeSources(purpose)
        .map((s) =>
          s.kind === 'subject'
            ? t.reportSourceSubject
            : fill(t.reportSourceOther, { source: localText(s.description, language) || s.kind }),
        )
        .join(' ');
      const automated = purpose.automatedDecisions.exists
        ? `${localText(purpose.automatedDecisions.logic, language)} ${localText(purpose.automatedDecisions.consequences, language)}`.trim()
        : t.reportNoAutomated;
      const data = purpose.data.map((d) => categoryName(d, language, charter)).join(', ');
      return `<section><h3>${esc(localText(purpose.name, language))}</h3><p>${esc(localText(purpose.description, language))}</p><dl>
<dt>${esc(t.reportCategory)}</dt><dd>${esc(data)}</dd>
<dt>${esc(t.reportLegalBasis)}</dt><dd>${esc(t.legalBases[purpose.legalBasis])}${purpose.legalObligation ? ` — ${esc(localText(purpose.legalObligation, language))}` : ''}</dd>
${purpose.legitimateInterest ? `<dt>${esc(t.reportLegitimateInterest)}</dt><dd>${esc(localText(purpose.legitimateInterest, language))}</dd>` : ''}
<dt>${esc(t.reportRecipients)}</dt><dd>${recipients.length ? `<ul>${recipients.join('')}</ul>` : esc(t.reportNoRecipients)}</dd>
<dt>${esc(t.reportRetention)}</dt><dd>${esc(retention)}</dd>
<dt>${esc(t.reportSource)}</dt><dd>${esc(source)}</dd>
<dt>${esc(t.reportAutomated)}</dt><dd>${esc(automated)}</dd>
</dl></section>`;
    })
    .join('\n');

  const consentRows = input.consents.events.map((event) => {
    const purpose = charter.purposes.find((p) => p.id === event.purpose);
    return `<tr><td>${esc(purpose ? localText(purpose.name, language) : event.purpose)}</td><td>${esc(event.granted ? t.reportConsentGiven : t.reportConsentWithdrawn)}</td><td>${esc(dateTimeWords(new Date(event.at), language))}</td></tr>`;
  });
  const consentSection = consentRows.length
    ? `<table><thead><tr><th scope="col">${esc(t.reportConsentPurpose)}</th><th scope="col">${esc(t.reportConsentState)}</th><th scope="col">${esc(t.reportConsentAt)}</th></tr></thead><tbody>${consentRows.join('')}</tbody></table>`
    : `<p>${esc(t.reportNoConsents)}</p>`;

  const rights = `<ul>${t.rightsList.map((r) => `<li>${esc(r)}</li>`).join('')}</ul><p>${esc(fill(t.complaint, { authority: authorityName, url: authority ? authorityPages(authority, language).complaintUrl : '' }))}</p>`;

  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(fill(t.reportTitle, { org }))}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%;margin:.75rem 0}caption{text-align:left;font-weight:600}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}dt{font-weight:600;margin-top:.5rem}dd{margin-left:1rem}</style>
</head><body><main>
<h1>${esc(fill(t.reportTitle, { org }))}</h1>
<p>${esc(fill(t.reportIntro, { org, ref: input.reference, json: 'data.json' }))}</p>
<p>${esc(fill(t.reportGenerated, { date: dateTimeWords(input.generatedAt, language) }))}</p>
<h2>${esc(t.reportDataHeading)}</h2>
${dataSection}
<h2>${esc(t.reportPurposesHeading)}</h2>
<p>${esc(t.reportPurposesIntro)}</p>
${purposes}
<h2>${esc(t.reportConsentsHeading)}</h2>
${consentSection}
<h2>${esc(t.reportRightsHeading)}</h2>
${rights}
<h2>${esc(t.reportFilesHeading)}</h2>
<p>${esc(t.reportFilesText)}</p>
</main></body></html>
`;
}

/** Builds the ZIP. File names inside are ASCII and stable: `report.html`, `data.json`, `consents.json`, `tables/<store>.<table>.csv`. */
export function buildPackage(input: PackageInput): BuiltPackage {
  const groups = groupRecords(input.records);
  const counts: Record<string, number> = {};
  for (const group of groups) counts[`${group.store}.${group.table}`] = group.rows.length;
  const data = {
    controller: {
      name: input.charter.organisation.legalName,
      companyNumber: input.charter.organisation.companyNumber ?? null,
    },
    request: input.reference,
    generatedAt: input.generatedAt.toISOString(),
    stores: groups.map((g) => ({
      store: g.store,
      table: g.table,
      rows: g.rows.map((r) => ({
        key: r.key,
        restricted: r.restricted,
        ...(r.shared ? { shared: true } : {}),
        columns: Object.fromEntries(r.columns.map((c) => [c.name, { category: c.category, value: c.value }])),
      })),
    })),
  };
  const files: Record<string, Uint8Array> = {
    'report.html': strToU8(renderReport(input, groups)),
    'data.json': strToU8(JSON.stringify(data, null, 2)),
    'consents.json': strToU8(JSON.stringify(input.consents, null, 2)),
  };
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
  for (const group of groups) files[`tables/${safe(group.store)}.${safe(group.table)}.csv`] = strToU8(tableCsv(group));
  // A fixed timestamp: the same content gives the same bytes (and hash).
  const bytes = zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
  return {
    fileName: `${safe(input.charter.organisation.id)}-${safe(input.reference)}.zip`,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    counts,
  };
}
