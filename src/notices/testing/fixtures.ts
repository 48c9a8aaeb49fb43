/**
 * Test fixtures of the notices domain (test-only module): charter edits the notice tests make to see a notice change.
 */
import type { Charter } from '../../charter/schema.js';

/** Adds Mailchimp, a US processor under the EU-US Data Privacy Framework, as a recipient of the first purpose. */
export const withMailchimp = (c: Charter): void => {
  c.recipients.push({
    id: 'mailchimp',
    name: 'Mailchimp',
    role: 'processor',
    service: 'Newsletters',
    country: 'US',
    transfer: 'eu-us-dpf',
    dpaDate: '2025-01-01',
    subProcessors: [],
    notifyOnErasure: true,
  });
  c.purposes[0]!.recipients.push('mailchimp');
};

/**
 * The twelve items of Art. 13(1)(a)–(f) and 13(2)(a)–(f), written out from the article itself rather than taken from
 * lint-completeness.ts, so a test still notices an item that goes missing there.
 */
export const article13ItemsOfTheLaw: string[] = ['1', '2'].flatMap((paragraph) =>
  ['a', 'b', 'c', 'd', 'e', 'f'].map((point) => `13(${paragraph})(${point})`),
);
