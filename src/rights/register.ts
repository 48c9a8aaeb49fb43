/**
 * Wiring of the rights domain: its ports (the charter's stores, the consent ledger, the privacy officers, mail) from
 * the app's dependencies, its routes, and its periodic work on the platform job runner.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { accountsView, type AccountsDb } from '../accounts/tables.js';
import { listMembers } from '../accounts/users.js';
import type { AppContext } from '../platform/app-context.js';
import {
  erasePurposeConsents,
  hasConfirmedAddress,
  purposeConsentsOf,
  withdrawPurposeConsent,
} from '../consent/purpose-consent.js';
import { suppress } from '../consent/suppression.js';
import { consentView, type ConsentDb } from '../consent/tables.js';
import { publicUrl } from '../platform/config.js';
import type { JobRunner } from '../platform/jobs.js';
import { viewOf } from '../platform/db/view.js';
import { canonicalJson, sha256 } from '../charter/revision.js';
import { hashKeyFromEnv, openStores, type StoreSet } from '../stores/open.js';
import { registerRequestApi } from './api.js';
import { RightsContext, type RightsDeps } from './context.js';
import { tickLane, tickLanes } from './due.js';
import { registerOfficerNotices } from './officer-notices.js';
import { charterOfficerEmails, type ConsentPort, type OfficerPort } from './ports.js';
import { registerPrivacyCenterRoutes } from './routes.js';
import type { StorePool } from './subject-stores.js';
import type { RightsDb } from './tables.js';

/** The consent ledger as Rights uses it. */
export function ledgerConsentPort<DB extends ConsentDb>(anyDb: Kysely<DB>, clock: () => Date): ConsentPort {
  const db = consentView(anyDb);
  return {
    async suppress(scope, email) {
      await suppress(db, scope, email, 'objection', { actor: 'subject', source: 'privacy-center', now: clock() });
    },
    async withdraw(scope, input) {
      const result = await withdrawPurposeConsent(
        db,
        scope,
        { email: input.email, purpose: input.purpose },
        { actor: 'subject', method: 'privacy-center', now: clock() },
      );
      return result.withdrawn;
    },
    async history(scope, email) {
      const summaries = await purposeConsentsOf(db, scope, email);
      return {
        current: summaries
          .filter((s) => s.status === 'granted' || s.status === 'withdrawn')
          .map((s) => ({ purpose: s.purpose, granted: s.status === 'granted', at: s.since ?? '' })),
        events: summaries.flatMap((s) =>
          s.events
            .filter((e) => e.action !== 'requested')
            .map((e) => ({
              at: e.at,
              purpose: s.purpose,
              granted: e.action === 'granted',
              method: e.method,
              textVersion: e.textVersion,
            })),
        ),
      };
    },
    async erase(scope, email) {
      return (await erasePurposeConsents(db, scope, email, { actor: 'system', now: clock() })).events;
    },
    confirmedContact: (scope, email) => hasConfirmedAddress(db, scope, email),
  };
}

/** The owners and privacy officers of the organisation (accounts), else the charter's DPO or privacy contact. */
export function memberOfficerPort<DB extends AccountsDb>(anyDb: Kysely<DB>): OfficerPort {
  const db = accountsView(anyDb);
  return {
    async emails(scope, charter) {
      const officers = (await listMembers(db, scope))
        .filter((m) => m.role === 'owner' || m.role === 'privacy-officer')
        .map((m) => m.email);
      return officers.length ? officers : charterOfficerEmails(charter);
    },
  };
}

/** Connectors stay open this long after their last use, so that requests do not reconnect to every store each time. */
const idleMs = 60_000;

/**
 * The charter's stores, connected from the environment variables it names, and kept open between requests per
 * organisation and store declaration (a changed declaration opens new connectors; idle ones close).
 */
export function environmentStores(env: NodeJS.ProcessEnv): StorePool {
  // The `hash` strategy's key: CHARTER_HASH_KEY or CHARTER_SECRET; without one, erasure hashes under a throwaway key
  // (what it hashes can then never be matched again — for an erasure, that is the point).
  const hashKey = hashKeyFromEnv(env) ?? randomBytes(32);
  const open = new Map<string, { set: StoreSet; users: number; timer?: NodeJS.Timeout | undefined }>();
  const closeEntry = (key: string) => {
    const entry = open.get(key);
    if (!entry || entry.users > 0) return;
    open.delete(key);
    void entry.set.close();
  };
  return {
    async acquire(scope, charter) {
      const key = `${scope.organisationId}:${sha256(canonicalJson({ stores: charter.stores, holds: charter.holds }))}`;
      let entry = open.get(key);
      if (!entry) open.set(key, (entry = { set: openStores(charter, { env, hashKey }), users: 0 }));
      clearTimeout(entry.timer);
      entry.users++;
      const held = entry;
      let released = false;
      return {
        connectors: held.set.connectors,
        release() {
          if (released) return;
          released = true;
          held.users--;
          if (held.users === 0) {
            held.timer = setTimeout(() => closeEntry(key), idleMs);
            held.timer.unref();
          }
        },
      };
    },
    async close() {
      const entries = [...open.values()];
      open.clear();
      for (const entry of entries) clearTimeout(entry.timer);
      await Promise.allSettled(entries.map((e) => e.set.close()));
    },
  };
}

const contexts = new WeakMap<FastifyInstance, RightsContext>();

/** The rights context an app was built with (for the job runner and tests). */
export function rightsContextOf(app: FastifyInstance): RightsContext {
  const found = contexts.get(app);
  if (!found) throw new Error('rights routes are not registered on this app');
  return found;
}

export interface RightsOverrides {
  stores?: StorePool;
  consent?: ConsentPort;
  officers?: OfficerPort;
  env?: NodeJS.ProcessEnv;
}

export function createRightsContext(app: AppContext, overrides: RightsOverrides = {}): RightsContext {
  const deps: RightsDeps = {
    db: viewOf<RightsDb>()(app.db),
    mailer: app.mailer,
    logger: app.logger,
    clock: app.clock,
    publicUrl: publicUrl(app.config),
    secret: app.config.CHARTER_SECRET,
    stores: overrides.stores ?? environmentStores(overrides.env ?? process.env),
    consent: overrides.consent ?? ledgerConsentPort(app.db, app.clock),
    officers: overrides.officers ?? memberOfficerPort(app.db),
  };
  return new RightsContext(deps);
}

/** Registers the privacy center and the requests API. */
export function registerRightsRoutes(
  app: FastifyInstance,
  appContext: AppContext,
  overrides: RightsOverrides = {},
): RightsContext {
  const context = createRightsContext(appContext, overrides);
  contexts.set(app, context);
  registerPrivacyCenterRoutes(app, context);
  registerRequestApi(app, context);
  app.addHook('onClose', async () => {
    await context.idle();
    await context.deps.stores.close();
  });
  return context;
}

/**
 * Periodic work: every poll of the job runner finds what became due (see due.ts), one lane per organisation, so an
 * organisation whose store does not answer holds up its own requests only.
 */
export function registerRightsJobs(runner: JobRunner, context: RightsContext): void {
  runner.addLanedTicker({
    lanes: () => tickLanes(context),
    run: async (organisationId) => {
      await tickLane(context, organisationId);
    },
  });
  // Officers are told when a request arrives and when it is verified (once each, retried until sent).
  registerOfficerNotices(runner, context);
}
