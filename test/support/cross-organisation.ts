/**
 * Fixtures of the cross-organisation test (src/accounts/cross-organisation.db.test.ts), which walks every declared
 * route with organisation A's credentials against organisation B's resources and expects 404.
 *
 * A domain adds a seeder that creates some of its resources in an organisation through its own repository, so the
 * walker finds their ids in the database and tries them on every route with path parameters. When the walker cannot
 * build a valid body for a route from its zod schema, add a sample under `bodySamples` ("METHOD /url").
 */
import { createApiToken } from '../../src/accounts/tokens.js';
import { inOrganisation } from '../../src/platform/db/tenancy.js';
import { recordAudit } from '../../src/audit/trail.js';
import type { TestApp } from './app.js';
import { signedInUser } from './auth.js';

export type CrossOrganisationSeeder = (testApp: TestApp, organisationId: string) => Promise<void>;

export const crossOrganisationSeeders: CrossOrganisationSeeder[] = [
  // accounts: a member, a token, and a longer audit trail than the other organisation's
  async (testApp, organisationId) => {
    await signedInUser(testApp, 'privacy-officer', { organisationId });
    await createApiToken(testApp.database.db, { organisationId }, { name: 'seeded', scopes: ['charter:read'], actor: 'system' }, new Date());
    for (let i = 0; i < 30; i++) {
      await inOrganisation(testApp.database.db, { organisationId }, (trx) => recordAudit(trx, { organisationId }, { actor: 'system', action: 'test.seeded', data: { i } }));
    }
  },
];

/** Request bodies the walker cannot derive from a route's schema, by "METHOD /url". */
export const bodySamples: Record<string, unknown> = {};

/**
 * Routes whose path parameter is a lookup key rather than the id of one organisation's resource (the same key may
 * exist in several organisations), with the reason. For these the walker accepts 200 with nothing of B in the answer.
 */
export const lookupRoutes: Record<string, string> = {
  'GET /api/v1/consent/visitors/:visitor': 'a visitor id is chosen by the browser; the answer is this organisation\'s records for it (possibly none)',
  'GET /api/v1/consent/purposes/:purpose/granted': 'a purpose id is a slug of this organisation\'s charter; an unknown one has no grants',
};
