/**
 * Test fixtures of the rights domain (test-only module): a charter whose stores are the stores domain's small shop,
 * and that shop served by the reference HTTP adapter in front of an in-process PGlite database on a loopback port —
 * a real PostgreSQL engine reached through the real HTTP store protocol, on both test databases.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { storeSchema, type Charter, type Store } from '../../charter/schema.js';
import { createHttpStoreHandler } from '../../stores/http/adapter.js';
import { storeModel } from '../../stores/plan.js';
import { createSqlConnector } from '../../stores/sql/engine.js';
import { createPgliteDriver } from '../../stores/sql/postgres.js';
import { readTable, seedShop, shopHolds, shopStore } from '../../stores/testing/shop.js';
import type { SqlDriver } from '../../stores/sql/driver.js';
import { buildCharter } from '../../../test/support/charter.js';

/** The purposes the shop's tables name, plus a direct-marketing newsletter asked outside the banner. */
export function withShopPurposes(charter: Charter): void {
  charter.purposes = [
    ...charter.purposes.filter((p) => p.id !== 'orders'),
    {
      ...charter.purposes.find((p) => p.id === 'orders')!,
      data: ['contact.email', 'identity.name', 'contact.postal-address', 'financial.invoice'],
      retention: {
        duration: 'P10Y',
        from: 'end-of-contract',
        action: 'delete',
        renewableByConsent: false,
        holds: ['vat-invoices'],
      },
    },
    {
      id: 'newsletter',
      name: { en: 'Newsletter', nl: 'Nieuwsbrief', fr: 'Lettre d’information' },
      description: {
        en: 'News about our products.',
        nl: 'Nieuws over onze producten.',
        fr: 'Des nouvelles de nos produits.',
      },
      legalBasis: 'consent',
      subjects: ['customer'],
      data: ['contact.email', 'identity.name'],
      recipients: ['mailer'],
      source: { kind: 'subject' },
      requirement: { kind: 'none' },
      automatedDecisions: { exists: false },
      consent: {
        text: { en: 'Send me the newsletter.', nl: 'Stuur mij de nieuwsbrief.', fr: 'Envoyez-moi la lettre.' },
        doubleOptIn: false,
        parental: false,
      },
      directMarketing: true,
      retention: { duration: 'P3Y', from: 'last-contact', action: 'delete', renewableByConsent: true, holds: [] },
    },
    {
      id: 'support',
      name: { en: 'Customer support', nl: 'Klantendienst', fr: 'Service clients' },
      description: {
        en: 'We answer your questions.',
        nl: 'We beantwoorden uw vragen.',
        fr: 'Nous répondons à vos questions.',
      },
      legalBasis: 'legitimate-interests',
      legitimateInterest: { en: 'Helping our customers.', nl: 'Onze klanten helpen.', fr: 'Aider nos clients.' },
      subjects: ['customer'],
      data: ['contact.email', 'communication.message'],
      recipients: [],
      source: { kind: 'subject' },
      requirement: { kind: 'none' },
      automatedDecisions: { exists: false },
      directMarketing: false,
      retention: { duration: 'P2Y', from: 'receipt', action: 'delete', renewableByConsent: false, holds: [] },
    },
  ];
  charter.holds = [
    ...shopHolds.map((h) => ({
      id: h.id,
      law: h.law,
      ...(h.duration ? { duration: h.duration } : {}),
      reason:
        h.id === 'vat-invoices'
          ? {
              en: 'Invoices must be kept for the tax authorities.',
              nl: 'Facturen moeten voor de belastingdienst worden bewaard.',
              fr: 'Les factures doivent être conservées pour le fisc.',
            }
          : {
              en: 'Kept for a pending legal claim.',
              nl: 'Bewaard voor een lopende rechtsvordering.',
              fr: 'Conservé pour une action en justice en cours.',
            },
    })),
  ];
}

/** The test charter with the given stores and rights settings. */
export function rightsCharter(stores: Store[], edit?: (charter: Charter) => void): Charter {
  return buildCharter((charter) => {
    withShopPurposes(charter);
    charter.stores = stores;
    charter.rights.identities = ['email', 'customer-number'];
    charter.languages = ['en', 'nl', 'fr', 'de'];
    charter.sites[0]!.theme = { primaryColor: '#0f5132', backgroundColor: '#f1f8f4' };
    edit?.(charter);
  });
}

/** A shop store declaration of `kind` whose connection (and secret) live in uniquely named environment variables. */
export function shopStoreIn(kind: Store['kind'], id: string, envPrefix: string): Store {
  const store = shopStore(kind, id);
  return storeSchema.parse({
    ...store,
    connection: `${envPrefix}_URL`,
    ...(kind === 'http' ? { secret: `${envPrefix}_SECRET` } : {}),
  });
}

export interface HttpShop {
  /** Environment variables naming it, to set in process.env. */
  env: Record<string, string>;
  store: Store;
  driver: SqlDriver;
  rows(table: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** The shop in PGlite behind the reference HTTP adapter, declared as an `http` store; sets its env variables. */
export async function startHttpShop(id = 'shop', now = new Date()): Promise<HttpShop> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create('memory://');
  const driver = createPgliteDriver(pglite);
  await seedShop(driver, now);
  const backend = createSqlConnector({
    id: `${id}-backend`,
    kind: 'postgres',
    model: storeModel(shopStore('postgres'), shopHolds),
    driver,
    context: { hashKey: Buffer.from('rights-test-hash-key-0123456789') },
  });
  const secret = randomBytes(24).toString('hex');
  const server: Server = createServer(createHttpStoreHandler({ secret, connector: backend }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const prefix = `RIGHTS_TEST_${randomBytes(4).toString('hex').toUpperCase()}`;
  const env = { [`${prefix}_URL`]: `http://127.0.0.1:${port}/charter`, [`${prefix}_SECRET`]: secret };
  Object.assign(process.env, env);
  return {
    env,
    store: shopStoreIn('http', id, prefix),
    driver,
    rows: (table) => readTable(driver, table),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pglite.close();
    },
  };
}
