/**
 * Test builders for the consent domain (used by the *.db.test.ts files and the benchmark, never by the server): a
 * charter with two banner categories and purposes asking consent outside the banner, valid consent posts, and an app
 * on a fresh test database with configuration overrides.
 */
import { randomBytes } from 'node:crypto';
import { buildApp } from '../app.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { applyCharter } from '../charter/repository.js';
import { consentRevision } from '../charter/revision.js';
import type { Charter } from '../charter/schema.js';
import { readConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import type { Mailer } from '../platform/mail.js';
import { buildCharter } from '../../test/support/charter.js';
import { testDatabase } from '../../test/support/database.js';
import type { TestApp } from '../../test/support/app.js';
import type { ConsentPost } from './ledger-rules.js';
import { defaultText } from '../charter/localized.js';

/** The minimal test charter plus a marketing category, a site alias and four purposes asked outside the banner. */
export function consentCharter(edit?: (charter: Charter) => void): Charter {
  return buildCharter((charter) => {
    const site = charter.sites[0];
    if (site) site.aliases = ['testco.example'];
    charter.sites.push({ id: 'shop', name: 'Testco shop', domain: 'shop.testco.example' });
    charter.consent.categories.push({
      id: 'marketing',
      name: { en: 'Marketing', nl: 'Marketing', fr: 'Marketing' },
      description: { en: 'Ads that follow you', nl: 'Advertenties die u volgen', fr: 'Publicités qui vous suivent' },
      gpc: true,
      googleConsentMode: ['ad_storage'],
    });
    charter.cookies.push({
      name: '_ads',
      category: 'marketing',
      vendor: 'stats',
      purpose: 'Shows ads',
      duration: 'P3M',
      type: 'cookie',
    });
    const consentPurpose = (
      id: string,
      text: string,
      extra: { doubleOptIn?: boolean; parental?: boolean; directMarketing?: boolean },
    ) => ({
      id,
      name: { en: `Purpose ${id}`, nl: `Doel ${id}`, fr: `Finalité ${id}` },
      description: `About ${id}`,
      legalBasis: 'consent' as const,
      subjects: ['customer'],
      data: ['contact.email'],
      recipients: [],
      source: { kind: 'subject' as const },
      requirement: { kind: 'none' as const },
      automatedDecisions: { exists: false },
      consent: {
        text: { en: text, nl: `${text} (nl)`, fr: `${text} (fr)` },
        doubleOptIn: extra.doubleOptIn ?? false,
        parental: extra.parental ?? false,
      },
      directMarketing: extra.directMarketing ?? false,
      retention: {
        duration: 'P3Y',
        from: 'last-contact' as const,
        action: 'delete' as const,
        renewableByConsent: false,
        holds: [],
      },
    });
    charter.purposes.push(
      consentPurpose('newsletter', 'Send me the newsletter.', { doubleOptIn: true, directMarketing: true }),
      consentPurpose('photos', 'You may publish photos where I am the main subject.', {}),
      consentPurpose('webinar-sharing', 'Share my contact details with the other participants.', {}),
      consentPurpose('child-photos', 'You may publish photos of my child.', { parental: true }),
    );
    edit?.(charter);
  });
}

/** A new random visitor id, as the banner makes one. */
export function visitorId(): string {
  return randomBytes(16).toString('base64url');
}

/** A valid consent post for `site` of `charter` (accept all unless overridden). */
export function consentPost(charter: Charter, overrides: Partial<ConsentPost> = {}): ConsentPost {
  const site = overrides.site ?? 'main';
  return {
    site,
    visitor: visitorId(),
    revision: consentRevision(charter, site),
    language: 'en',
    method: 'accept-all',
    choices: Object.fromEntries(charter.consent.categories.map((c) => [c.id, true])),
    gpc: false,
    url: 'https://www.testco.example/products?utm_source=mail&email=a@b.example#top',
    ...overrides,
  };
}

/** The whole app on a fresh test database with the charter applied, with configuration overrides. */
export async function consentApp(options: {
  charter: Charter;
  now?: () => Date;
  env?: Record<string, string>;
  mailer?: Mailer;
}): Promise<TestApp & { organisationId: string }> {
  const database = await testDatabase();
  const organisation = await ensureOrganisation(
    database.db,
    options.charter.organisation.id,
    defaultText(options.charter.organisation.legalName, options.charter),
  );
  await applyCharter(
    database.db,
    { organisationId: organisation.id },
    { charter: options.charter, source: JSON.stringify(options.charter), format: 'json', actor: 'system' },
  );
  const app = await buildApp({
    db: database.db,
    dbKind: database.kind,
    config: readConfig({
      LOG_LEVEL: 'silent',
      CHARTER_SECRET: 'test-secret-test-secret',
      PUBLIC_URL: 'http://charter.test',
      ...options.env,
    }),
    logger: createLogger('silent'),
    clock: options.now ?? (() => new Date()),
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    organisationId: organisation.id,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
