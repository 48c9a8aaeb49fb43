import { describe, expect, it } from 'vitest';
import { exampleCharter } from '../../test/support/charter.js';
import { languages, requestTypes } from '../charter/schema.js';
import {
  customerEmail,
  customerMail,
  officerTaskMail,
  ownDataUntouched,
  personLines,
  personMail,
  processorCounts,
} from './processor-data.js';

const flashbooth = () => exampleCharter('flashbooth');

describe('routing requests about data held for customers', () => {
  it('sums the stores’ counts per customer, in charter order, and drops empty ones', () => {
    const counts = processorCounts(flashbooth(), [
      { processorRows: [{ table: 'photos', customer: 'brands', rows: 2 }] },
      {
        processorRows: [
          { table: 'guests', customer: 'event-organisers', rows: 1 },
          { table: 'photos', customer: 'event-organisers', rows: 3 },
        ],
      },
      {},
      { processorRows: [{ table: 'x', customer: 'brands', rows: 0 }] },
    ]);
    expect(counts).toEqual([
      { customer: 'event-organisers', rows: 4 },
      { customer: 'brands', rows: 2 },
    ]);
  });

  it('mails a customer only at an email address', () => {
    const charter = flashbooth();
    expect(customerEmail(charter, 'event-organisers')).toBeUndefined();
    charter.customers[0]!.contact = ' privacy@organiser.example ';
    expect(customerEmail(charter, 'event-organisers')).toBe('privacy@organiser.example');
    charter.customers[0]!.contact = 'their account manager';
    expect(customerEmail(charter, 'event-organisers')).toBeUndefined();
  });

  it('writes every text in every language, with every placeholder filled and no personal data', () => {
    const charter = flashbooth();
    const finding = { customer: 'event-organisers', rows: 3 };
    for (const language of languages) {
      for (const informed of ['mail', 'officer'] as const) {
        const text = personLines(charter, [{ ...finding, informed }], language, 'R-AAAA-BBBB').join('\n');
        expect(text).toContain('Event organisers and agencies');
        expect(text).toContain('R-AAAA-BBBB');
        expect(text).not.toMatch(/\{[a-z]+\}/);
      }
      const mails = [
        personMail(charter, [{ ...finding, informed: 'mail' }], language, 'R-AAAA-BBBB', 'closing'),
        ...requestTypes.map((type) => customerMail(charter, finding, type, 'R-AAAA-BBBB', language)),
        officerTaskMail(charter, finding, 'erasure', 'R-AAAA-BBBB', language, 'http://charter.test/console/requests/1'),
      ];
      for (const mail of mails) {
        expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\{[a-z]+\}/);
        expect(mail.text).toContain('R-AAAA-BBBB');
      }
    }
  });

  it('knows when a request acted on nothing of the organisation’s own', () => {
    expect(ownDataUntouched({ erasure: { erased: [], kept: [] } })).toBe(true);
    expect(ownDataUntouched({ erasure: { erased: [{}], kept: [] } })).toBe(false);
    expect(ownDataUntouched({ restriction: { updated: [], unsupported: [] } })).toBe(true);
    expect(ownDataUntouched({ rectification: { updated: [{}] } })).toBe(false);
    expect(ownDataUntouched({ tables: {} })).toBe(false);
  });
});
