/**
 * Art. 19 and the timing of an erasure, without a database: who is told and how, the words a person reads (never
 * "informed" unless a record says so, never a store or table name), the recipient's notice, and the grace period
 * (P0D at once with no cancel link; P7D with the date and time and the cancel link).
 */
import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import type { Charter, Language } from '../charter/schema.js';
import type { ErasureResult } from '../stores/connector.js';
import {
  codeMail,
  completedMail,
  erasureLines,
  recipientNoticeMail,
  scheduledMail,
  withdrawnMail,
  type MailContext,
} from './mails.js';
import { statusPage, type PageFrame } from './pages.js';
import { planNotifications, type NotificationView } from './recipients.js';
import type { RightsRequest } from './repository.js';
import { summariseErasure } from './results.js';
import { rightsTexts, uiLanguages } from './texts/index.js';
import { executeAfterFor } from './workflow.js';

/** A charter whose store, table and column names are distinctive (`zqx…`), so that a leak is easy to find. */
function distinctiveCharter(edit?: (charter: Charter) => void): Charter {
  return buildCharter((charter) => {
    charter.languages = ['en', 'nl', 'fr', 'de'];
    charter.holds = [
      {
        id: 'vat',
        reason: { en: 'Invoices are kept for the tax authorities.' },
        law: 'Belgian VAT Code, art. 60',
        duration: 'P10Y',
      },
    ];
    charter.recipients = [
      { ...charter.recipients[0]!, id: 'mailer', name: 'Mailer SA', privacyContact: 'privacy@mailer.example' },
      { ...charter.recipients[0]!, id: 'hosting', name: 'Hosting Platform NV', store: 'zqx-remote-store' },
      { ...charter.recipients[0]!, id: 'crm', name: 'CRM Vendor BV' },
      { ...charter.recipients[0]!, id: 'quiet', name: 'Quiet Archive BV', notifyOnErasure: false },
      { ...charter.recipients[1]!, id: 'stats', name: 'Stats Inc.' },
    ];
    charter.purposes[0]!.recipients = ['mailer', 'crm', 'quiet'];
    charter.purposes[1]!.recipients = ['stats'];
    charter.stores = [
      {
        id: 'zqx-local-store',
        name: 'Zqx Warehouse DB',
        kind: 'postgres',
        connection: 'ZQX_URL',
        tables: [
          {
            name: 'zqx_cust_tbl',
            primaryKey: 'zqx_id_col',
            columns: [
              { name: 'zqx_mail_col', category: 'contact.email', erase: 'hash', identity: 'email', secret: false },
              { name: 'zqx_name_col', category: 'identity.name', erase: 'null', secret: false },
              { name: 'zqx_pass_col', category: 'account.password', erase: 'null', secret: true },
            ],
            references: [],
            purpose: 'orders',
            holds: [],
          },
          {
            name: 'zqx_inv_tbl',
            primaryKey: 'zqx_id_col',
            columns: [
              { name: 'zqx_billing_col', category: 'identity.name', erase: 'null', secret: false },
              { name: 'zqx_billmail_col', category: 'contact.email', erase: 'null', secret: false },
            ],
            references: [],
            purpose: 'orders',
            holds: [{ hold: 'vat', keep: ['zqx_billing_col'] }],
          },
        ],
      },
      {
        id: 'zqx-remote-store',
        name: 'Zqx Remote Thing',
        kind: 'http',
        connection: 'ZQX_HTTP_URL',
        tables: [
          {
            name: 'zqx_remote_tbl',
            primaryKey: 'id',
            columns: [
              { name: 'zqx_r_col', category: 'contact.email', erase: 'delete', identity: 'email', secret: false },
            ],
            references: [],
            holds: [],
          },
        ],
      },
    ];
    edit?.(charter);
  });
}

const results: ErasureResult[] = [
  {
    store: 'zqx-local-store',
    jobId: 'j',
    dryRun: false,
    erased: [{ table: 'zqx_cust_tbl', deleted: 1, updated: 0 }],
    kept: [
      {
        table: 'zqx_inv_tbl',
        rows: 2,
        hold: 'vat',
        law: 'Belgian VAT Code, art. 60',
        keptColumns: ['zqx_billing_col'],
        until: '2034-12-31',
      },
    ],
    queries: 4,
  },
  {
    store: 'zqx-remote-store',
    jobId: 'j',
    dryRun: false,
    erased: [{ table: 'zqx_remote_tbl', deleted: 3, updated: 0 }],
    kept: [],
    queries: 1,
  },
];

const touched = [
  { store: 'zqx-local-store', table: 'zqx_cust_tbl' },
  { store: 'zqx-local-store', table: 'zqx_inv_tbl' },
];

function request(
  type: RightsRequest['type'],
  state: RightsRequest['state'],
  extra: Partial<RightsRequest> = {},
): RightsRequest {
  const now = new Date('2026-03-02T09:00:00Z');
  return {
    id: '00000000-0000-4000-8000-000000000001',
    reference: 'R-2026-ABCD',
    siteId: 'main',
    type,
    state,
    channel: 'web',
    language: 'en',
    identity: { type: 'email', value: 'alice@example.be' },
    details: {},
    verificationLevel: 'code-and-confirm',
    contacts: ['alice@example.be'],
    receivedAt: now,
    dueOn: '2026-04-02',
    dueAt: new Date('2026-04-02T22:00:00Z'),
    extendedAt: null,
    extensionReason: null,
    codeVerifiedAt: null,
    verifiedAt: null,
    executeAfter: null,
    refusalReason: null,
    refusalExplanation: null,
    result: null,
    ...extra,
  } as RightsRequest;
}

function frame(charter: Charter, language: Language): PageFrame {
  return { charter, site: charter.sites[0]!, language, languages: ['en', 'nl', 'fr', 'de'], banner: false };
}

function mailContext(charter: Charter, language: Language, type: RightsRequest['type'] = 'erasure'): MailContext {
  return { charter, language, reference: 'R-2026-ABCD', type };
}

describe('who is told of a change (Art. 19), and how', () => {
  it('tells through the called HTTP store, by mail to a privacy contact, or leaves a task for the officer', () => {
    const charter = distinctiveCharter();
    const plans = planNotifications(charter, touched, ['zqx-remote-store'], { 'zqx-remote-store': 3 });
    expect(plans).toEqual([
      { recipient: 'mailer', channel: 'mail' },
      { recipient: 'hosting', channel: 'store', store: 'zqx-remote-store', rows: 3 },
      { recipient: 'crm', channel: 'officer' },
    ]);
  });

  it('leaves out recipients of untouched purposes and those not told of changes, and a store that was not called', () => {
    const charter = distinctiveCharter();
    expect(planNotifications(charter, [], [])).toEqual([]);
    expect(planNotifications(charter, touched, []).map((p) => p.recipient)).toEqual(['mailer', 'crm']);
  });

  it('names only recipients in the erasure summary, never an HTTP store', () => {
    const summary = summariseErasure(distinctiveCharter(), results);
    expect(summary.notified).toEqual(['Mailer SA', 'Hosting Platform NV', 'CRM Vendor BV']);
    expect(summary.erased[0]).toMatchObject({ purpose: 'orders', categories: ['contact.email', 'identity.name'] });
    expect(summary.kept[0]).toMatchObject({ purpose: 'orders', categories: ['identity.name'] });
  });
});

describe("the person's mail about recipients", () => {
  const charter = distinctiveCharter();
  const summary = summariseErasure(charter, results);

  it('says informed only for what the records say was done, and "we will inform" for the rest', () => {
    const notifications: NotificationView[] = [
      { recipient: 'mailer', state: 'done' },
      { recipient: 'hosting', state: 'done' },
      { recipient: 'crm', state: 'pending' },
    ];
    const text = completedMail(mailContext(charter, 'en'), erasureLines(summary, charter, 'en', notifications)).text;
    const informed = text.slice(
      text.indexOf('Recipients we have informed (Art. 19):'),
      text.indexOf('Recipients we will inform (Art. 19):'),
    );
    expect(informed).toContain('- Mailer SA');
    expect(informed).toContain('- Hosting Platform NV');
    expect(informed).not.toContain('CRM Vendor BV');
    expect(text.slice(text.indexOf('Recipients we will inform (Art. 19):'))).toContain('- CRM Vendor BV');
  });

  it('never says informed when nobody was told yet, in any language', () => {
    const pending: NotificationView[] = [
      { recipient: 'mailer', state: 'pending' },
      { recipient: 'crm', state: 'pending' },
    ];
    for (const language of uiLanguages) {
      const t = rightsTexts[language];
      const text = completedMail(
        mailContext(charter, language),
        erasureLines(summary, charter, language, pending),
      ).text;
      expect(text).not.toContain(t.resultNotified);
      expect(text).toContain(`${t.resultWillNotify}:\n- Mailer SA\n- CRM Vendor BV`);
    }
  });

  it('says nothing about recipients when there are none to tell', () => {
    const text = erasureLines(summary, charter, 'en', []).join('\n');
    expect(text).not.toContain('Art. 19');
  });

  it('describes what was erased and kept by data category and purpose', () => {
    const text = erasureLines(summary, charter, 'en').join('\n');
    expect(text).toContain('Erased:\n- Email address, Name, for Orders: 1 record');
    expect(text).toContain('- Name, for Orders: 2 records — Belgian VAT Code, art. 60');
  });
});

describe("the recipient's notice", () => {
  it('holds the reference and what to do, never the person or their data, in every language', () => {
    const charter = distinctiveCharter();
    for (const language of uiLanguages) {
      for (const type of ['erasure', 'rectification', 'restriction'] as const) {
        const mail = recipientNoticeMail(charter, language, { reference: 'R-2026-ABCD', type }, { name: 'Mailer SA' });
        expect(mail.subject).toContain('R-2026-ABCD');
        expect(mail.text).toContain(rightsTexts[language].recipientActions[type]);
        expect(mail.text).toContain('privacy@testco.example');
        expect(`${mail.subject}\n${mail.text}`).not.toMatch(/alice|example\.be|zqx/i);
      }
    }
  });
});

describe('no store, table or column name in anything a person reads', () => {
  it('renders every mail and page of a request without them', () => {
    const charter = distinctiveCharter((c) => {
      c.rights.erasureGracePeriod = 'P7D';
    });
    const summary = summariseErasure(charter, results);
    const notifications: NotificationView[] = [
      { recipient: 'mailer', state: 'done' },
      { recipient: 'hosting', state: 'done' },
      { recipient: 'crm', state: 'pending' },
    ];
    const now = new Date('2026-03-02T10:00:00Z');
    const rendered: string[] = [];
    for (const language of uiLanguages) {
      const context = mailContext(charter, language);
      rendered.push(
        completedMail(context, erasureLines(summary, charter, language, notifications)).text,
        scheduledMail(context, new Date('2026-03-09T10:00:00Z'), 'https://charter.test/privacy/main/link/secret').text,
        codeMail(context, '123 456', 'https://charter.test/privacy/main/link/secret').text,
        withdrawnMail(context).text,
        recipientNoticeMail(charter, language, { reference: 'R-2026-ABCD', type: 'erasure' }, { name: 'Mailer SA' })
          .text,
      );
      for (const type of ['erasure', 'rectification', 'restriction'] as const) {
        const result =
          type === 'erasure'
            ? { erasure: summary }
            : {
                [type]: {
                  updated: [{ store: 'zqx-local-store', table: 'zqx_cust_tbl', rows: 1 }],
                  notified: ['CRM Vendor BV'],
                },
              };
        rendered.push(
          statusPage(frame(charter, language), request(type, 'completed', { result, language }), {
            now,
            notifications,
            proven: true,
          }),
        );
      }
      rendered.push(
        statusPage(
          frame(charter, language),
          request('erasure', 'awaiting-verification', { codeVerifiedAt: now, language }),
          { now, proven: true },
        ),
        statusPage(
          frame(charter, language),
          request('erasure', 'verified', { executeAfter: new Date('2026-03-09T10:00:00Z'), language }),
          { now, proven: true },
        ),
      );
    }
    for (const text of rendered) expect(text).not.toMatch(/zqx/i);
    // The rendered texts do say something: categories, purposes, recipients.
    expect(rendered.join('\n')).toContain('Hosting Platform NV');
  });
});

describe('the grace period of an erasure', () => {
  const now = new Date('2026-03-02T10:00:00Z');

  it('P0D: executed at once — no waiting time, and the page says so with nothing to cancel afterwards', () => {
    const charter = distinctiveCharter((c) => {
      c.rights.erasureGracePeriod = 'P0D';
    });
    expect(executeAfterFor(charter, 'erasure', now)).toBeNull();
    for (const language of uiLanguages) {
      const page = statusPage(
        frame(charter, language),
        request('erasure', 'awaiting-verification', { codeVerifiedAt: now, language }),
        { now, proven: true },
      );
      expect(page).toContain(rightsTexts[language].confirmErasureNow);
      expect(page).not.toMatch(/0 (days|dagen|jours|Tage)/);
    }
  });

  it('P7D: executed seven days later, and page and mail say the date and time and how to cancel', () => {
    const charter = distinctiveCharter((c) => {
      c.rights.erasureGracePeriod = 'P7D';
    });
    const at = executeAfterFor(charter, 'erasure', now);
    expect(at?.toISOString()).toBe('2026-03-09T10:00:00.000Z');
    expect(executeAfterFor(charter, 'access', now)).toBeNull();
    const page = statusPage(
      frame(charter, 'en'),
      request('erasure', 'awaiting-verification', { codeVerifiedAt: now }),
      { now, proven: true },
    );
    expect(page).toContain('7 days after you confirm: on 9 March 2026 at 11:00 if you confirm now');
    expect(page).toContain('/cancel');
    const mail = scheduledMail(mailContext(charter, 'en'), at!, 'https://charter.test/privacy/main/link/secret');
    expect(mail.subject).toBe('Your data will be erased on 9 March 2026 at 11:00');
    expect(mail.text).toContain('https://charter.test/privacy/main/link/secret');
  });
});

describe('rows kept for other people', () => {
  it('are told apart from what the law keeps, with their reason, in every language', () => {
    const charter = distinctiveCharter();
    const kept: ErasureResult = {
      store: 'zqx-local-store',
      jobId: 'j',
      dryRun: false,
      erased: [],
      kept: [
        { table: 'zqx_cust_tbl', rows: 2, hold: 'shared', law: '', keptColumns: ['body'] },
        { table: 'zqx_cust_tbl', rows: 1, hold: 'referenced', law: '', keptColumns: [] },
        { table: 'zqx_cust_tbl', rows: 3, hold: 'vat', law: 'Belgian VAT Code, art. 60', keptColumns: [] },
      ],
      queries: 1,
    };
    for (const language of uiLanguages) {
      const t = rightsTexts[language];
      const text = erasureLines(summariseErasure(charter, [kept]), charter, language).join('\n');
      const byLaw = text.slice(text.indexOf(t.resultKept), text.indexOf(t.resultKeptForOthers));
      expect(byLaw).toContain('Belgian VAT Code, art. 60');
      expect(byLaw).not.toContain(t.keptShared);
      const forOthers = text.slice(text.indexOf(t.resultKeptForOthers));
      expect(forOthers).toContain(t.keptShared);
      expect(forOthers).toContain(t.keptReferenced);
      expect(text).not.toMatch(/zqx/i);
    }
  });
});
