/**
 * Scans of an organisation's declared sites, kept per organisation: run one (scheduled or asked through the API),
 * compare it with the active charter, store it with its audit entry in the same transaction, and tell the privacy
 * officers by mail when it finds something the previous scan of the site did not (drift). Only the declared site
 * domains are scanned: the start URL comes from the charter, and the crawl never leaves its origin.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { listMembers } from '../accounts/users.js';
import { recordAudit } from '../audit/trail.js';
import { activeCharter } from '../charter/repository.js';
import type { Charter, Language } from '../charter/schema.js';
import { notFound } from '../platform/errors.js';
import { inOrganisation, requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import type { Logger } from '../platform/logger.js';
import type { Mailer } from '../platform/mail.js';
import { emitWebhookEvent } from '../webhooks/events.js';
import { compareScan } from './compare.js';
import type { ScanOptions } from './scanner.js';
import { siteFindingSchema, type SiteFinding, type SiteScan, type SiteScanRecord } from './schemas.js';
import { sitesView, type SiteScanTable, type SitesDb } from './tables.js';
import { describeFinding } from './texts.js';

export interface SiteScanDeps<DB extends SitesDb = SitesDb> {
  db: Kysely<DB>;
  mailer: Mailer;
  logger: Logger;
  clock: () => Date;
  /** Base URL of the console links in the mails. */
  publicUrl: string;
  /** The browser scan (src/sites/scanner.ts `scanSite`); a port so the database side is tested on its own. */
  scan: (options: ScanOptions) => Promise<SiteScan>;
  /** Pages per scan (default 20). */
  maxPages?: number;
}

/** The deps with the handle narrowed to the sites domain's tables (callers hold any domain's handle). */
export function sitesDeps<DB extends SitesDb>(deps: SiteScanDeps<DB>): SiteScanDeps {
  return { ...deps, db: sitesView(deps.db) };
}

/** The start URL of a declared domain: https, except on loopback (a site under development or a test fixture). */
export function siteStartUrl(domain: string): string {
  const host = domain.replace(/:\d+$/, '');
  const loopback = host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);
  return `${loopback ? 'http' : 'https'}://${domain}/`;
}

/** What makes two findings "the same" across scans: the rule, what it is about, and the condition. */
export const findingKey = (f: Pick<SiteFinding, 'rule' | 'subject' | 'condition'>) =>
  `${f.rule}|${f.subject}|${f.condition ?? ''}`;

function toRecord(row: Selectable<SiteScanTable>, withFindings: boolean): SiteScanRecord {
  return {
    id: row.id,
    site: row.site_id,
    trigger: row.trigger,
    status: row.status,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    pages: row.pages,
    violations: row.violations,
    warnings: row.warnings,
    newFindings: row.new_findings,
    error: row.error,
    ...(withFindings ? { findings: siteFindingSchema.array().parse(row.findings) } : {}),
  };
}

/** The scans of a site, newest first (without their findings). */
export async function listSiteScans<DB extends SitesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  siteId: string,
  limit = 20,
): Promise<SiteScanRecord[]> {
  const db = sitesView(anyDb);
  const organisationId = requireScope(scope);
  const rows = await withinOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('site_scans')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('site_id', '=', siteId)
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute(),
  );
  return rows.map((row) => toRecord(row, false));
}

/** One scan with its findings; the latest completed one of the site when no id is given. */
export async function getSiteScan<DB extends SitesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  siteId: string,
  scanId?: string,
): Promise<SiteScanRecord | undefined> {
  const db = sitesView(anyDb);
  const organisationId = requireScope(scope);
  const row = await withinOrganisation(db, scope, (trx) => {
    let query = trx
      .selectFrom('site_scans')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('site_id', '=', siteId);
    query = scanId ? query.where('id', '=', scanId) : query.where('status', '=', 'completed');
    return query.orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  });
  return row ? toRecord(row, true) : undefined;
}

const mailTexts: Record<
  Language,
  { subject: (site: string, n: number) => string; intro: (site: string) => string; link: string }
> = {
  en: {
    subject: (site, n) => `Site ${site}: ${n} new finding${n === 1 ? '' : 's'} in the cookie scan`,
    intro: (site) => `The scan of ${site} found what the previous scan did not:`,
    link: 'Findings, fixes and history',
  },
  nl: {
    subject: (site, n) => `Site ${site}: ${n} nieuwe ${n === 1 ? 'bevinding' : 'bevindingen'} in de cookiescan`,
    intro: (site) => `De scan van ${site} vond wat de vorige scan niet vond:`,
    link: 'Bevindingen, oplossingen en geschiedenis',
  },
  fr: {
    subject: (site, n) =>
      `Site ${site} : ${n} ${n === 1 ? 'nouveau constat' : 'nouveaux constats'} dans l’analyse des cookies`,
    intro: (site) => `L’analyse de ${site} a trouvé ce que la précédente n’avait pas trouvé :`,
    link: 'Constats, corrections et historique',
  },
  de: {
    subject: (site, n) => `Website ${site}: ${n} ${n === 1 ? 'neuer Befund' : 'neue Befunde'} im Cookie-Scan`,
    intro: (site) => `Der Scan von ${site} fand, was der vorige Scan nicht fand:`,
    link: 'Befunde, Korrekturen und Verlauf',
  },
};

async function tellOfficers(
  deps: SiteScanDeps,
  scope: OrgScope,
  charter: Charter,
  siteId: string,
  fresh: SiteFinding[],
): Promise<number> {
  const language = charter.languages[0] ?? 'en';
  const texts = mailTexts[language];
  const members = (await listMembers(deps.db, scope))
    .filter((m) => m.role === 'owner' || m.role === 'privacy-officer')
    .map((m) => m.email);
  const recipients =
    members.length > 0 ? members : [charter.organisation.dpo?.email ?? charter.organisation.contact.email];
  const lines = fresh.map((f) => {
    const text = describeFinding(f, language);
    return `- ${text.severity}: ${text.what}\n  ${text.fix}`;
  });
  const text = `${texts.intro(siteId)}\n\n${lines.join('\n')}\n\n${texts.link}: ${deps.publicUrl}/console/sites/${encodeURIComponent(siteId)}\n`;
  for (const to of recipients) {
    await deps.mailer.send({
      organisationId: scope.organisationId,
      to,
      subject: texts.subject(siteId, fresh.length),
      text,
      template: 'site.scan.drift',
      language,
    });
  }
  return recipients.length;
}

/** Stores how a scan ended (its row's last columns) and audits it, in the caller's transaction. */
async function recordScanEnd(
  trx: Transaction<SitesDb>,
  scope: OrgScope,
  scan: { id: string; siteId: string; actor: string },
  values: Updateable<SiteScanTable>,
  audit: { action: string; data: Record<string, unknown>; at: Date },
): Promise<void> {
  await trx
    .updateTable('site_scans')
    .set(values)
    .where('organisation_id', '=', requireScope(scope))
    .where('id', '=', scan.id)
    .execute();
  const entry = { actor: scan.actor, action: audit.action, target: `site:${scan.siteId}`, data: audit.data };
  await recordAudit(trx, scope, entry, audit.at);
}

/**
 * Scans one declared site of the organisation now, stores the result and mails the privacy officers about new
 * violations and warnings. Throws not_found for a site the active charter does not declare.
 */
export async function runSiteScan<DB extends SitesDb>(
  anyDeps: SiteScanDeps<DB>,
  scope: OrgScope,
  siteId: string,
  input: { trigger: 'schedule' | 'api'; actor: string },
): Promise<SiteScanRecord> {
  const deps = sitesDeps(anyDeps);
  const organisationId = requireScope(scope);
  const stored = await activeCharter(deps.db, scope);
  const site = stored?.charter.sites.find((s) => s.id === siteId);
  if (!stored || !site) throw notFound('site', siteId);
  const charter = stored.charter;
  const id = randomUUID();
  const startedAt = deps.clock();
  await inOrganisation(deps.db, scope, (trx) =>
    trx
      .insertInto('site_scans')
      .values({
        organisation_id: organisationId,
        id,
        site_id: siteId,
        trigger: input.trigger,
        actor: input.actor,
        status: 'running',
        started_at: startedAt,
        pages: '[]',
        findings: '[]',
        new_findings: 0,
        violations: 0,
        warnings: 0,
        error: null,
      })
      .execute(),
  );
  const previous = await getSiteScan(deps.db, scope, siteId);
  const scanRef = { id, siteId, actor: input.actor };
  let scan: SiteScan;
  try {
    scan = await deps.scan({ urls: [siteStartUrl(site.domain)], maxPages: deps.maxPages ?? 20 });
  } catch (error) {
    // The reason in a few words, never a page's content; the scan is recorded as failed.
    const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'scan failed';
    const failed = { status: 'failed', finished_at: deps.clock(), error: reason } as const;
    const audit = { action: 'site.scan.failed', data: { scan: id }, at: deps.clock() };
    await inOrganisation(deps.db, scope, (trx) => recordScanEnd(trx, scope, scanRef, failed, audit));
    deps.logger.warn({ site: siteId, scan: id }, 'site scan failed');
    return (await getSiteScan(deps.db, scope, siteId, id))!;
  }
  const findings = compareScan({ charter, siteId, scan });
  const known = new Set((previous?.findings ?? []).map(findingKey));
  const fresh = findings.filter((f) => f.severity !== 'info' && !known.has(findingKey(f)));
  const count = (severity: SiteFinding['severity']) => findings.filter((f) => f.severity === severity).length;
  const bySeverity = (list: SiteFinding[]) => ({
    violation: list.filter((f) => f.severity === 'violation').length,
    warning: list.filter((f) => f.severity === 'warning').length,
    info: list.filter((f) => f.severity === 'info').length,
  });
  const finishedAt = deps.clock();
  await inOrganisation(deps.db, scope, async (trx) => {
    const values = {
      status: 'completed',
      finished_at: finishedAt,
      pages: JSON.stringify(scan.pages),
      findings: JSON.stringify(findings),
      new_findings: fresh.length,
      violations: count('violation'),
      warnings: count('warning'),
    } as const;
    await recordScanEnd(trx, scope, scanRef, values, {
      action: 'site.scan.completed',
      data: {
        scan: id,
        pages: scan.pages.length,
        violations: count('violation'),
        warnings: count('warning'),
        newFindings: fresh.length,
      },
      at: finishedAt,
    });
    // The webhook event in the same transaction: it exists exactly when the stored scan does. Counts by severity
    // (new ones against the previous scan, info included), never a page's content.
    await emitWebhookEvent(
      trx,
      scope,
      'site.scan.completed',
      {
        scanId: id,
        site: siteId,
        pages: scan.pages.length,
        findings: bySeverity(findings),
        newFindings: bySeverity(findings.filter((f) => !known.has(findingKey(f)))),
      },
      finishedAt,
    );
  });
  if (fresh.length > 0) {
    const recipients = await tellOfficers(deps, scope, charter, siteId, fresh);
    deps.logger.info({ site: siteId, scan: id, newFindings: fresh.length, recipients }, 'site scan drift mailed');
  }
  return (await getSiteScan(deps.db, scope, siteId, id))!;
}
