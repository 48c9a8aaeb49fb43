import { describe, expect, it } from 'vitest';
import { exampleCharter } from '../../test/support/charter.js';
import { languages } from '../charter/schema.js';
import { buildNotice } from './build-notice.js';
import { processorSentence } from './processor-notice.js';
import { renderMarkdown } from './render-markdown.js';

const flashbooth = () => exampleCharter('flashbooth');

describe('processor data in the notice', () => {
  it('says once, in the controller section, that the customers are the controllers of what is processed for them', () => {
    const notice = buildNotice(flashbooth(), 'main', 'en');
    const markdown = renderMarkdown(notice);
    const sentence =
      'We also process personal data on behalf of our customers (Event organisers and agencies and Brands running promotional activations), as their processor.';
    expect(markdown.split(sentence).length - 1).toBe(1);
    const controller = JSON.stringify(notice.sections.find((s) => s.id === 'controller'));
    expect(controller).toContain('our customers are the controllers');
  });

  it('presents only the organisation’s own purposes: the guests’ pictures are not offered as processing on a contract', () => {
    const charter = flashbooth();
    const notice = buildNotice(charter, 'main', 'en');
    const purposes = notice.sections.find((s) => s.id === 'purposes');
    const ids = (purposes?.blocks ?? []).flatMap((b) => ('id' in b && typeof b.id === 'string' ? [b.id] : []));
    expect(ids).toEqual(charter.purposes.map((p) => `purpose-${p.id}`));
    // The only purpose naming photos is the organisation's own portfolio, on consent.
    expect(charter.purposes.filter((p) => p.data.includes('media.photo')).map((p) => [p.id, p.legalBasis])).toEqual([
      ['portfolio', 'consent'],
    ]);
  });

  it('has the sentence in every language; a processor that lists no customers still says it is one; a controller says nothing', () => {
    const charter = flashbooth();
    for (const language of languages)
      expect(processorSentence(charter, language)).toContain('Event organisers and agencies');
    for (const role of ['both', 'processor'] as const) {
      for (const language of languages) {
        expect(
          processorSentence({ ...charter, customers: [], organisation: { ...charter.organisation, role } }, language),
        ).toMatch(/processor|verwerker|sous-traitant|Auftragsverarbeiter/);
      }
    }
    expect(
      processorSentence({ ...charter, organisation: { ...charter.organisation, role: 'controller' } }, 'en'),
    ).toBeUndefined();
  });
});
