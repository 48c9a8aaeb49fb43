import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisation } from '../accounts/organisations.js';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { tokenFor } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { parseCsv } from '../platform/csv.js';

let t: TestApp;
let clock = new Date('2026-11-20T15:00:00Z');
let reader: { authorization: string };
let writer: { authorization: string };

const breachBody = {
  title: 'Misdirected export',
  discoveredAt: '2026-11-20T08:30:00Z',
  awareAt: '2026-11-20T09:00:00Z',
  nature: ['confidentiality'],
  description: 'A customer export was mailed to the wrong customer.',
  subjectCategories: ['customer'],
  approximateSubjects: 240,
  dataCategories: ['identity.name', 'contact.email'],
  approximateRecords: 240,
  consequences: 'Customers could receive unwanted mail.',
  measuresTaken: 'The recipient confirmed deletion in writing.',
  authority: { required: true, reason: 'Customer contact data left the organisation.' },
  subjects: { required: false, reason: 'The recipient deleted the file; no high risk.' },
};

beforeAll(async () => {
  t = await buildTestApp({
    charter: buildCharter((c) => {
      c.recipients[0]!.dpaDate = '2021-01-01';
    }),
    now: () => clock,
  });
  reader = await tokenFor(t, ['records:read', 'breaches:read']);
  writer = await tokenFor(t, ['breaches:write', 'breaches:read']);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('records export API', () => {
  it('needs a signed-in caller with records:read', async () => {
    expect((await t.app.inject({ url: '/api/v1/records/export?format=csv' })).statusCode).toBe(401);
    const wrong = await tokenFor(t, ['breaches:read']);
    expect((await t.app.inject({ url: '/api/v1/records/export?format=csv', headers: wrong })).statusCode).toBe(403);
  });

  it('exports XLSX with a sheet per record type', async () => {
    const response = await t.app.inject({ url: '/api/v1/records/export?format=xlsx&language=fr', headers: reader });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="records-of-processing-testco-fr-2026-11-20.xlsx"',
    );
    const parts = unzipSync(new Uint8Array(response.rawPayload));
    expect(strFromU8(parts['xl/workbook.xml']!)).toContain('<sheet name="Registre responsable"');
    expect(strFromU8(parts['xl/sharedStrings.xml']!)).toContain('Consentement (art. 6.1.a) RGPD)');
  });

  it('exports CSV in the charter language by default, and PDF', async () => {
    const csv = await t.app.inject({ url: '/api/v1/records/export?format=csv', headers: reader });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const rows = parseCsv(csv.body);
    expect(rows[0]![3]).toBe('Legal basis');
    expect(rows.slice(1).map((r) => r[0])).toEqual(['orders', 'analytics']);
    const pdf = await t.app.inject({ url: '/api/v1/records/export?format=pdf&language=de', headers: reader });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('answers 422 with the field path for a bad format or a processor record of a controller', async () => {
    const bad = await t.app.inject({ url: '/api/v1/records/export?format=docx', headers: reader });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('query.format');
    const processor = await t.app.inject({
      url: '/api/v1/records/export?format=csv&record=processor',
      headers: reader,
    });
    expect(processor.statusCode).toBe(422);
    expect(processor.json().error.details[0].path).toBe('query.record');
  });

  it('gives the structured record and the processors overview with warnings', async () => {
    const records = await t.app.inject({ url: '/api/v1/records?language=nl', headers: reader });
    expect(records.json().controller[0].legalBasis.label).toBe(
      'Uitvoering van een overeenkomst (art. 6, lid 1, b) AVG)',
    );
    const processors = await t.app.inject({ url: '/api/v1/processors', headers: reader });
    expect(processors.statusCode).toBe(200);
    expect(processors.json().dpaReviewAfter).toBe('P3Y');
    expect(processors.json().warnings.map((w: { code: string }) => w.code)).toEqual(['dpa-review-due']);
  });
});

describe('breach register API', () => {
  let breachId: string;

  it('records a breach and starts the 72-hour clock from awareness', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/breaches',
      headers: reader,
      payload: breachBody,
    });
    expect(refused.statusCode).toBe(403);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/breaches',
      headers: writer,
      payload: breachBody,
    });
    expect(response.statusCode).toBe(201);
    const breach = response.json();
    breachId = breach.id;
    expect(breach.reference).toBe('B-2026-001');
    expect(breach.clock).toMatchObject({
      deadline: '2026-11-23T09:00:00.000Z',
      state: 'running',
      remainingMs: 66 * 3_600_000,
    });
    expect(breach.pending).toEqual({ authority: true, subjects: false, controllers: [] });
  });

  it('answers 422 with field paths for an incomplete breach', async () => {
    const { nature: _nature, ...withoutNature } = breachBody;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/breaches',
      headers: writer,
      payload: { ...withoutNature, approximateSubjects: -1 },
    });
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.approximateSubjects', 'body.nature']);
    const controllers = await t.app.inject({
      method: 'POST',
      url: '/api/v1/breaches',
      headers: writer,
      payload: { ...breachBody, controllers: ['nobody'] },
    });
    expect(controllers.statusCode).toBe(422);
    expect(controllers.json().error.details[0].path).toBe('body.controllers.0');
  });

  it('lists it as due soon once fewer than 24 hours remain, and overdue after 72', async () => {
    clock = new Date('2026-11-22T12:00:00Z');
    const due = await t.app.inject({ url: '/api/v1/breaches/due', headers: reader });
    expect(due.json().breaches.map((b: { id: string; clock: { state: string } }) => [b.id, b.clock.state])).toEqual([
      [breachId, 'due-soon'],
    ]);
    clock = new Date('2026-11-23T10:00:00Z');
    const list = await t.app.inject({ url: '/api/v1/breaches', headers: reader });
    expect(list.json().breaches[0].clock).toMatchObject({
      state: 'overdue',
      remainingMs: -3_600_000,
      reasonsMissing: true,
    });
  });

  it('amends with a reason and keeps the history', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/breaches/${breachId}/amendments`,
      headers: writer,
      payload: {
        reason: 'Forensics finished',
        approximateRecords: 260,
        delayReasons: 'We waited for the forensic report to know the scope.',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(
      response.json().versions.map((v: { version: number; reason: string | null }) => [v.version, v.reason]),
    ).toEqual([
      [1, null],
      [2, 'Forensics finished'],
    ]);
    expect(response.json().clock.reasonsMissing).toBe(false);
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/breaches/${breachId}/amendments`,
      headers: writer,
      payload: { approximateRecords: 1 },
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.details[0].path).toBe('body.reason');
  });

  it('drafts the authority notification in the authority’s language with its catalog address', async () => {
    const draft = await t.app.inject({
      url: `/api/v1/breaches/${breachId}/drafts/authority?language=fr`,
      headers: reader,
    });
    expect(draft.statusCode).toBe(200);
    const body = draft.json();
    expect(body.language).toBe('fr');
    expect(body.languages).toEqual(['fr', 'nl']);
    expect(body.to.name).toBe('Autorité de protection des données');
    expect(body.to.address.slice(0, 2)).toEqual(['Rue de la Presse 35', '1000 Bruxelles']);
    expect(body.sections.map((s: { id: string }) => s.id)).toEqual([
      'type', 'notifier', 'contact', 'timeline', 'delay', 'nature', 'subjects', 'data', 'consequences', 'measures', 'communication',
    ]); // prettier-ignore
    expect(body.text).toContain('MOTIFS DU RETARD\nWe waited for the forensic report to know the scope.');
    expect(body.text).toContain('environ 240 personnes');
    // The charter lists en, nl, fr: Dutch is the first language the APD takes.
    expect(
      (await t.app.inject({ url: `/api/v1/breaches/${breachId}/drafts/authority`, headers: reader })).json().language,
    ).toBe('nl');
    const english = await t.app.inject({
      url: `/api/v1/breaches/${breachId}/drafts/authority?language=en`,
      headers: reader,
    });
    expect(english.statusCode).toBe(422);
    expect(english.json().error.details[0].path).toBe('query.language');
  });

  it('writes the message for the people concerned in plain language', async () => {
    const message = await t.app.inject({
      url: `/api/v1/breaches/${breachId}/drafts/subjects?language=de`,
      headers: reader,
    });
    expect(message.json().subject).toBe(
      'Wichtig: ein Sicherheitsvorfall mit Ihren personenbezogenen Daten bei Testco BV',
    );
    expect(message.json().text).toContain('Datenschutzbehörde');
  });

  it('records a late notification only with reasons, then a follow-up', async () => {
    const initial = await t.app.inject({
      method: 'POST',
      url: `/api/v1/breaches/${breachId}/notifications`,
      headers: writer,
      payload: {
        recipient: 'authority',
        sentAt: '2026-11-23T09:45:00Z',
        content: 'Notified through the APD form',
        reference: 'APD-123',
      },
    });
    // The breach record carries the reasons for the delay since the amendment.
    expect(initial.statusCode).toBe(201);
    expect(initial.json().clock).toMatchObject({
      state: 'notified-late',
      lateByMs: 45 * 60_000,
      reasonsMissing: false,
    });
    const followUp = await t.app.inject({
      method: 'POST',
      url: `/api/v1/breaches/${breachId}/notifications`,
      headers: writer,
      payload: {
        recipient: 'authority',
        phase: 'follow-up',
        sentAt: '2026-11-23T09:50:00Z',
        content: 'Final count: 260 records',
      },
    });
    expect(followUp.json().notifications.map((n: { phase: string }) => n.phase)).toEqual(['initial', 'follow-up']);
    const draft = await t.app.inject({
      url: `/api/v1/breaches/${breachId}/drafts/authority?language=nl`,
      headers: reader,
    });
    expect(draft.json().sections[0].body).toBe('Aanvullende melding nr. 2\nReferentie van de vorige melding: APD-123');
  });

  it('hides the breach from another organisation and offers no way to delete', async () => {
    const other = await ensureOrganisation(t.database.db, 'someone-else', 'Someone Else');
    const stranger = await tokenFor(t, ['breaches:read', 'breaches:write'], other.id);
    expect((await t.app.inject({ url: `/api/v1/breaches/${breachId}`, headers: stranger })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/breaches', headers: stranger })).json().breaches).toEqual([]);
    const amend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/breaches/${breachId}/amendments`,
      headers: stranger,
      payload: { reason: 'x', approximateRecords: 1 },
    });
    expect(amend.statusCode).toBe(404);
    const remove = await t.app.inject({ method: 'DELETE', url: `/api/v1/breaches/${breachId}`, headers: writer });
    expect(remove.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/breaches/${breachId}`, headers: reader })).statusCode).toBe(200);
  });
});
