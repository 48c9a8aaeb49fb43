/**
 * Scenario: the flashbooth example's gallery platform (clients → events → guests → photos) on a real PostgreSQL
 * store, with the guests and their photos processed for the event organisers (`processedFor`). Retention sweeps the
 * photos past the customer's maximum and never before its minimum, on the customer's instructions; a guest's access
 * and erasure requests leave the customer's data alone, record what was found for which customer, tell the customer
 * (by mail to its contact, or as a task for the privacy officers) and tell the guest who decides (Art. 28(3)(e)).
 * Charter's own database is PGlite or PostgreSQL (the `pglite` and `postgres` projects).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { exampleCharter } from '../../test/support/charter.js';
import { applyCharter } from '../charter/repository.js';
import type { Charter, RequestType } from '../charter/schema.js';
import { readConfig } from '../platform/config.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { composeRetention } from '../retention/deps.js';
import { computePlan } from '../retention/plan.js';
import { formatRun } from '../retention/present.js';
import { runRetention } from '../retention/sweep.js';
import {
  insertRows,
  newStoreDatabase,
  readRows,
  storeDriver,
  storeServers,
  type StoreServers,
} from '../retention/testing/crm.js';
import { explainCharterStores } from '../stores/commands.js';
import type { SqlDriver } from '../stores/sql/driver.js';
import { advance } from './fulfilment.js';
import { rightsContextOf } from './register.js';
import { findRequest, insertRequest, timeline, transition, type RightsRequest } from './repository.js';

const at = new Date('2026-11-02T00:00:00.000Z');
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const connection = 'FLASHBOOTH_GALLERY_DATABASE_URL';
const officer = 'privacy@flashbooth.be.example';

const ddl = [
  `create table clients (id integer primary key, email varchar(200) not null, name varchar(200), phone varchar(40),
     contract_ended_at timestamptz null, processing_restricted boolean not null default false)`,
  `create table events (id integer primary key, client_id integer not null references clients(id), title varchar(200), venue varchar(300),
     ended_at timestamptz not null)`,
  `create table guests (id integer primary key, event_id integer not null references events(id), email varchar(200), phone varchar(40))`,
  `create table photos (id integer primary key, guest_id integer not null references guests(id), event_id integer not null references events(id),
     image_url varchar(300), uploaded_from varchar(60))`,
];

async function seed(driver: SqlDriver) {
  for (const statement of ddl) await driver.query(statement);
  await insertRows(driver, 'clients', [
    {
      id: 1,
      email: 'ann@client-one.example',
      name: 'Ann',
      phone: '+32 470 00 00 01',
      contract_ended_at: null,
      processing_restricted: false,
    },
    {
      id: 2,
      email: 'bob@client-two.example',
      name: 'Bob',
      phone: '+32 470 00 00 02',
      contract_ended_at: null,
      processing_restricted: false,
    },
  ]);
  await insertRows(driver, 'events', [
    { id: 1, client_id: 1, title: 'Wedding', venue: 'Gent', ended_at: d('2024-06-01') }, //        + P2Y = 2026-06-01: past the maximum
    { id: 2, client_id: 1, title: 'Anniversary', venue: 'Gent', ended_at: d('2026-08-01') }, //  3 months ago: within the minimum
    { id: 3, client_id: 2, title: 'Fair', venue: 'Kortrijk', ended_at: d('2025-01-15') }, //      + P2Y = 2027-01-15: month 3 of the plan
  ]);
  await insertRows(driver, 'guests', [
    { id: 1, event_id: 1, email: 'guest-a@example.be', phone: null },
    { id: 2, event_id: 2, email: 'guest-b@example.be', phone: null },
    { id: 3, event_id: 3, email: 'guest-a@example.be', phone: null },
    { id: 4, event_id: 2, email: 'guest-c@example.be', phone: null },
  ]);
  await insertRows(driver, 'photos', [
    { id: 1, guest_id: 1, event_id: 1, image_url: 'https://img.example/1.jpg', uploaded_from: '192.0.2.1' },
    { id: 2, guest_id: 1, event_id: 1, image_url: 'https://img.example/2.jpg', uploaded_from: '192.0.2.1' },
    { id: 3, guest_id: 2, event_id: 2, image_url: 'https://img.example/3.jpg', uploaded_from: '192.0.2.2' },
    { id: 4, guest_id: 3, event_id: 3, image_url: 'https://img.example/4.jpg', uploaded_from: '192.0.2.3' },
    { id: 5, guest_id: 4, event_id: 2, image_url: 'https://img.example/5.jpg', uploaded_from: '192.0.2.4' },
  ]);
}

/** The flashbooth example with only its gallery platform (the other stores are not running here), executed at once. */
function flashbooth(edit?: (charter: Charter) => void): Charter {
  return exampleCharter('flashbooth', (charter) => {
    charter.stores = charter.stores.filter((s) => s.id === 'gallery');
    charter.rights.approval = [];
    edit?.(charter);
  });
}

let servers: StoreServers;
let driver: SqlDriver;
let t: TestApp;
let previousUrl: string | undefined;
const scope = () => ({ organisationId: t.organisationId! });

beforeAll(async () => {
  servers = await storeServers({ mariadb: false });
  const url = await newStoreDatabase(servers, 'postgres');
  driver = storeDriver('postgres', url);
  await seed(driver);
  previousUrl = process.env[connection];
  process.env[connection] = url;
  t = await buildTestApp({ charter: flashbooth(), now: () => at, env: { PUBLIC_URL: 'http://charter.test' } });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await driver?.close();
  servers?.stop();
  if (previousUrl === undefined) delete process.env[connection];
  else process.env[connection] = previousUrl;
}, 60_000);

/** A verified request of `type` by the guest with `email`, executed now; returns it completed. */
async function executed(type: RequestType, email: string, language = 'en'): Promise<RightsRequest> {
  const context = rightsContextOf(t.app);
  const id = randomUUID();
  await inOrganisation(t.database.db, scope(), async (trx) => {
    const received = await insertRequest(trx, scope(), {
      id,
      siteId: 'main',
      type,
      channel: 'web',
      language,
      identity: { type: 'email', value: email },
      identityHash: `test-${id}`,
      declaredContact: null,
      details: {},
      verificationLevel: 'code',
      receivedAt: at,
      dueOn: '2026-12-02',
      dueAt: d('2026-12-02'),
      createdBy: 'test',
    });
    await transition(trx, scope(), received, 'verified', {
      actor: 'test',
      at,
      patch: { contacts: JSON.stringify([email]), identity_known: true },
    });
  });
  await advance(context, scope(), id);
  await context.idle();
  const request = await findRequest(t.database.db, scope(), id);
  if (!request) throw new Error('request vanished');
  return request;
}

async function outbox() {
  return t.database.db
    .selectFrom('mail_outbox')
    .select(['recipient', 'template', 'subject', 'text'])
    .where('organisation_id', '=', t.organisationId!)
    .orderBy('created_at')
    .execute();
}

async function galleryRows() {
  return { guests: await readRows(driver, 'guests'), photos: await readRows(driver, 'photos') };
}

describe('a guest’s request about pictures processed for an event organiser', () => {
  it('access: the package holds none of the organiser’s data; the request records the count, the officers get the task, the guest is told who decides', async () => {
    const request = await executed('access', 'guest-a@example.be');
    expect(request.state).toBe('completed');
    const result = request.result as { tables: Record<string, number>; processorData: unknown };
    expect(Object.keys(result.tables).filter((k) => k.startsWith('gallery.'))).toEqual([]);
    // Guest A: two guest rows (two events of two clients) and three photos, all the organisers'.
    expect(result.processorData).toEqual([{ customer: 'event-organisers', rows: 5, informed: 'officer' }]);
    const events = await timeline(t.database.db, scope(), request.id);
    expect(events.filter((e) => e.kind === 'processor-data-found').map((e) => e.data)).toEqual([
      { customer: 'event-organisers', rows: 5, informed: 'officer' },
    ]);

    const mails = (await outbox()).filter((m) => m.text.includes(request.reference));
    const task = mails.find((m) => m.template === 'request.processor-task');
    expect(task?.recipient).toBe(officer);
    // Officer and customer mails are in the charter's default language (Dutch for flashbooth).
    expect(task?.text).toContain(
      'vond 5 record(s) die we bewaren in opdracht van klant event-organisers (Event organisers and agencies). We hebben er niets mee gedaan.',
    );
    expect(task?.text).not.toContain('guest-a@example.be');
    const toGuest = mails.filter((m) => m.recipient === 'guest-a@example.be').map((m) => m.template);
    expect(toGuest).toEqual(['request.package', 'request.processor-data']);
    const told = mails.find((m) => m.template === 'request.processor-data');
    expect(told?.text).toContain(
      'We did not act on 5 record(s) that we hold on behalf of Event organisers and agencies.',
    );
    expect(told?.text).toContain(
      'Event organisers and agencies is the controller and decides on your request about it (Art. 28(3)(e) GDPR)',
    );
    expect(told?.text).toContain(`Our privacy team will pass your request (reference ${request.reference}) on to them`);
    expect(told?.text).not.toMatch(/guests|photos|gallery/);
  });

  it('erasure: nothing of the organiser’s data is touched; the organiser is mailed at its contact (no personal data in it), the guest reads it in Dutch', async () => {
    await applyCharter(t.database.db, scope(), {
      charter: flashbooth((c) => {
        c.customers[0]!.contact = 'privacy@organiser.example';
      }),
      source: '',
      format: 'json',
      actor: 'test',
    });
    const before = await galleryRows();
    const request = await executed('erasure', 'guest-a@example.be', 'nl');
    expect(request.lastError).toBeNull();
    expect(request.state).toBe('completed');
    expect(await galleryRows()).toEqual(before);
    const result = request.result as {
      erasure: { erased: unknown[]; kept: unknown[]; notified: string[] };
      processorData: unknown;
    };
    expect(result.erasure.erased).toEqual([]);
    expect(result.erasure.kept).toEqual([]);
    // Nothing of the organisation's own was erased, so no recipient is said to have been told (Art. 19).
    expect(result.erasure.notified).toEqual([]);
    expect(result.processorData).toEqual([{ customer: 'event-organisers', rows: 5, informed: 'mail' }]);

    const mails = (await outbox()).filter((m) => m.text.includes(request.reference));
    const toCustomer = mails.find((m) => m.template === 'request.processor-customer');
    expect(toCustomer?.recipient).toBe('privacy@organiser.example');
    expect(toCustomer?.text).toContain(
      `(Mijn gegevens wissen (wissing), referentie ${request.reference}) over persoonsgegevens die we in uw opdracht verwerken als uw verwerker (Event organisers and agencies): 5 record(s).`,
    );
    expect(toCustomer?.text).toContain('als verwerkingsverantwoordelijke beslist u');
    expect(toCustomer?.text).not.toContain('guest-a@example.be');
    expect(mails.some((m) => m.template === 'request.processor-task')).toBe(false);
    // Nothing of Flashbooth's own was erased: the guest is not told "your data has been erased", but what happened.
    const toGuest = mails.filter((m) => m.recipient === 'guest-a@example.be');
    expect(toGuest.map((m) => m.template)).toEqual(['request.processor-data']);
    const completed = toGuest[0];
    expect(completed?.text).not.toContain('gewist');
    expect(completed?.text).toContain(
      'Met 5 record(s) die we bewaren in opdracht van Event organisers and agencies hebben we niets gedaan.',
    );
    expect(completed?.text).toContain(
      `We hebben hen op de hoogte gebracht van uw verzoek (referentie ${request.reference})`,
    );
  });
});

describe('a guest’s restriction of pictures processed for an event organiser', () => {
  it('restricts nothing of the organiser’s data, records it and tells the guest who decides', async () => {
    const before = await galleryRows();
    const request = await executed('restriction', 'guest-c@example.be', 'fr');
    expect(request.state).toBe('completed');
    expect(await galleryRows()).toEqual(before);
    const result = request.result as {
      restriction: { updated: unknown[]; unsupported: unknown[] };
      processorData: unknown;
    };
    expect(result.restriction).toEqual({ updated: [], unsupported: [] });
    expect(result.processorData).toEqual([{ customer: 'event-organisers', rows: 2, informed: 'mail' }]);
    const completed = (await outbox()).find(
      (m) => m.recipient === 'guest-c@example.be' && m.text.includes(request.reference),
    );
    expect(completed?.text).toContain(
      'Nous n’avons pas donné suite à votre demande pour 2 enregistrement(s) que nous conservons pour le compte de Event organisers and agencies.',
    );
  });
});

describe('explaining a guest’s request before it runs', () => {
  it('shows the rows held for the organiser, counted and routed, and an erasure plan that touches none of them', async () => {
    const [gallery] = await explainCharterStores(
      flashbooth(),
      { [connection]: process.env[connection] ?? '' },
      [{ type: 'email', value: 'guest-a@example.be' }],
      { type: 'erasure' },
    );
    expect(gallery?.tables.filter((t) => t.rows > 0).map((t) => [t.table, t.rows, t.customer])).toEqual([
      ['guests', 2, 'event-organisers'],
      ['photos', 3, 'event-organisers'],
    ]);
    expect(gallery?.erasure).toEqual({ erased: [], kept: [] });
  });
});

describe('retention of the pictures on the organisers’ instructions', () => {
  const deps = () =>
    composeRetention({
      db: t.database.db,
      dbKind: t.database.kind,
      config: readConfig({}),
      env: { [connection]: process.env[connection] ?? '' },
      clock: () => at,
    });

  it('plans by the customer’s maximum from the event, and never before its minimum', async () => {
    const plan = await computePlan(deps(), scope(), flashbooth(), at);
    const photos = plan.rules.find((r) => r.id === 'gallery/photos');
    expect(photos).toMatchObject({
      customer: 'event-organisers',
      status: 'ok',
      dueNow: 2,
      period: 'P2Y',
      minimum: 'P6M',
    });
    expect(photos?.byMonth[2]).toBe(1); // event 3 ends its two years on 2027-01-15
    expect(photos?.why).toContain('on the instructions of customer event-organisers');
    // Had the maximum come in shorter than the minimum, the minimum still holds: event 2 (3 months ago) is not due.
    const shorter = flashbooth((c) => {
      c.customers[0]!.retention = { minimum: 'P6M', maximum: 'P1M', from: 'end-of-contract' };
    });
    const short = await computePlan(deps(), scope(), shorter, at);
    const early = short.rules.find((r) => r.id === 'gallery/photos');
    expect(early?.period).toBe('P6M');
    expect(early?.dueNow).toBe(3); // events 1 and 3: more than 6 months ago
    expect(early?.byMonth[2]).toBe(2); // event 2's two photos on 2027-02-01, six months after it, not one month
  });

  it('sweeps the photos and guests past the maximum, keeps the rest, and says on whose instructions', async () => {
    const outcome = await runRetention(deps(), scope(), {
      trigger: 'cli',
      actor: 'test',
      approve: true,
      batchSize: 1000,
      maxShare: 1,
    });
    const run = outcome.run;
    expect(run?.status).toBe('completed');
    const { guests, photos } = await galleryRows();
    expect(photos.map((p) => Number(p.id)).sort()).toEqual([3, 4, 5]);
    expect(guests.map((g) => Number(g.id)).sort()).toEqual([2, 3, 4]);
    const steps = run?.steps.filter((s) => s.customer) ?? [];
    expect(steps.map((s) => [s.table, s.customer, s.deleted])).toEqual([
      ['photos', 'event-organisers', 2],
      ['guests', 'event-organisers', 1],
    ]);
    // The report wraps to the terminal's width: compared with its lines joined.
    expect(formatRun(run!).replace(/\s+/g, ' ')).toContain(
      'gallery/photos: on the instructions of customer event-organisers (processor, Art. 28(3)(a))',
    );
    // The clients and their events are the organisation's own, under its bookings purpose: not touched by the sweep.
    expect((await readRows(driver, 'events')).length).toBe(3);
  });
});
