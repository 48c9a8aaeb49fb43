/**
 * The access (and portability) package of a request: the person's rows from every store (marked restricted where Art. 18
 * applies, never the customers' data held as a processor), their consent history, the ZIP, and its single-use link.
 */
import { randomUUID } from 'node:crypto';
import type { Charter, Language } from '../charter/schema.js';
import type { OrgScope } from '../platform/db/tenancy.js';
import type { AccessRecord, Identity } from '../stores/connector.js';
import { identityKey } from '../stores/sql/traverse.js';
import type { RightsContext } from './context.js';
import { addDurationInZone, formatDate, toLocal } from './deadline.js';
import { mailContext, packageMail } from './mails.js';
import { buildPackage } from './package.js';
import type { ConsentHistory } from './ports.js';
import { processorCounts, processorTableTest } from './processor-data.js';
import { emailsOf, identitiesOf } from './request-identities.js';
import type { RightsRequest } from './request-row.js';
import { restrictedIdentities } from './restricted-identities.js';
import { generateLinkSecret } from './secrets.js';

/** A built package before it is stored: the ZIP and the hash of its link's secret. */
export interface PreparedPackage {
  id: string;
  content: Uint8Array;
  sha256: string;
  fileName: string;
  linkHash: string;
  expiresAt: Date;
}

/** Collects the person's data and consents, builds the ZIP, and returns how to deliver its single-use link. */
export async function preparePackage(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
) {
  const records: AccessRecord[] = [];
  const processorTable = processorTableTest(charter);
  // Art. 18: a person Charter remembers as restricted (some table could not mark it) has every row marked restricted,
  // also those in tables without a restrictColumn.
  const restricted = await rememberedAsRestricted(context, scope, identitiesOf(request));
  const summaries = await context.withStores(scope, charter, (s) =>
    s.collect(identitiesOf(request), (batch) => {
      // Never the customers' data as the organisation's own, whatever a store sends back (Art. 28(3)(e)).
      records.push(
        ...batch
          .filter((r) => !processorTable(r.store, r.table))
          .map((r) => (restricted ? { ...r, restricted: true } : r)),
      );
    }),
  );
  const consents = await consentHistory(context, scope, emailsOf(request));
  const now = context.now();
  const built = buildPackage({
    charter,
    language: request.language as Language,
    reference: request.reference,
    generatedAt: now,
    records,
    consents,
  });
  const key = await context.key(scope);
  const secret = generateLinkSecret();
  const expiresAt = addDurationInZone(now, charter.rights.exportExpiry);
  const id = randomUUID();
  return {
    /** Rows found in data held for customers, per customer (routed to them, not packaged). */
    processor: processorCounts(charter, summaries),
    tables: built.counts,
    package: {
      id,
      content: built.bytes,
      sha256: built.sha256,
      fileName: built.fileName,
      linkHash: key.linkHash(secret),
      expiresAt,
    } satisfies PreparedPackage,
    deliver: async () => {
      const mail = packageMail(
        mailContext(charter, request),
        context.link(`/privacy/${request.siteId}/download/${secret}?lang=${request.language}`),
        formatDate(toLocal(expiresAt)),
      );
      for (const email of request.contacts) await context.send(scope, email, mail, request.language as Language);
    },
  };
}

/** Whether one of the identities is among the restricted identities Charter remembers (compared like seed rows). */
async function rememberedAsRestricted(
  context: RightsContext,
  scope: OrgScope,
  identities: readonly Identity[],
): Promise<boolean> {
  const remembered = await restrictedIdentities(context.db, scope);
  return identities.some((i) =>
    remembered.some((r) => r.type === i.type && identityKey(r.type, r.value) === identityKey(i.type, i.value)),
  );
}

async function consentHistory(context: RightsContext, scope: OrgScope, emails: string[]): Promise<ConsentHistory> {
  const merged: ConsentHistory = { current: [], events: [] };
  for (const email of emails) {
    const history = await context.deps.consent.history(scope, email);
    merged.current.push(...history.current);
    merged.events.push(...history.events);
  }
  merged.events.sort((a, b) => a.at.localeCompare(b.at));
  return merged;
}
