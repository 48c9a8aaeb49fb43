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
