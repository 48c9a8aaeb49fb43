/**
 * `charter audit verify [--org slug] [--json]` recomputes every chain (exit 1 naming the first broken link);
 * `charter audit export --format jsonl [--org slug]` prints the trail as JSON Lines with its hashes.
 */
import { findOrganisationBySlug, listOrganisations, type Organisation } from '../accounts/organisations.js';
import { exitCodes, stringOption, UsageError, type Command } from '../cli/command.js';
import type { Database } from '../database.js';
import { readConfig } from '../platform/config.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { withConfiguredDatabase } from '../server.js';
import { exportAuditLines } from './query.js';
import { recordAudit } from './trail.js';
import { verifyChain } from './verify.js';

async function selectOrganisations(database: OpenDatabase<Database>, slug: string | undefined): Promise<Organisation[]> {
  if (!slug) return listOrganisations(database.db);
  const organisation = await findOrganisationBySlug(database.db, slug);
  if (!organisation) throw new UsageError(`no organisation "${slug}"`);
  return [organisation];
}

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Recompute the audit hash chains; report the first broken link (exit 1)',
  usage: 'audit verify [--org slug] [--json]',
  options: { org: { type: 'string' }, json: { type: 'boolean' } },
  help: 'Checks every organisation (or the one named) from its first entry: an edited, deleted or reordered entry breaks the chain.',
  async run(args, io) {
    return withConfiguredDatabase(readConfig(io.env), async (database) => {
      const organisations = await selectOrganisations(database, stringOption(args, 'org'));
      let broken = false;
      const reports = [];
      for (const organisation of organisations) {
        const report = await verifyChain(database.db, { organisationId: organisation.id });
        reports.push({ organisation: organisation.slug, ...report });
        if (!report.ok) broken = true;
        if (args.values.json) continue;
        if (report.firstBreak) {
          const b = report.firstBreak;
          io.out(`${organisation.slug}: BROKEN at entry ${b.seq}${b.action ? ` (${b.action}, ${b.at})` : ''}: ${b.message}`);
        } else {
          io.out(`${organisation.slug}: ${report.entries} entr${report.entries === 1 ? 'y' : 'ies'}, chain intact`);
        }
      }
      if (args.values.json) io.out(JSON.stringify(reports, null, 2));
      else if (organisations.length === 0) io.out('No organisations yet.');
      return broken ? exitCodes.findings : exitCodes.ok;
    });
  },
};

export const auditExportCommand: Command = {
  name: 'audit export',
  summary: 'Print the audit trail as JSON Lines with hashes (for offline verification or archiving)',
  usage: 'audit export [--format jsonl] [--org slug]',
  options: { format: { type: 'string' }, org: { type: 'string' } },
  async run(args, io) {
    const format = stringOption(args, 'format') ?? 'jsonl';
    if (format !== 'jsonl') throw new UsageError(`unknown format "${format}"; jsonl is supported`);
    return withConfiguredDatabase(readConfig(io.env), async (database) => {
      for (const organisation of await selectOrganisations(database, stringOption(args, 'org'))) {
        const scope = { organisationId: organisation.id };
        await inOrganisation(database.db, scope, (trx) => recordAudit(trx, scope, { actor: 'cli', action: 'audit.exported', data: { format } }));
        for await (const line of exportAuditLines(database.db, scope, organisation.slug)) io.out(line.trimEnd());
      }
      return exitCodes.ok;
    });
  },
};

export const auditCommands: Command[] = [auditVerifyCommand, auditExportCommand];
