import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import type { Language } from '../charter/schema.js';
import { statusPage, type PageFrame } from './pages.js';
import type { RightsRequest } from './repository.js';
import { rightsTexts, uiLanguages } from './texts/index.js';
import { filerMayCancel, provenByMailbox } from './workflow.js';

const received = new Date('2026-03-02T09:00:00Z');

/** An erasure whose code or link was used (awaiting the explicit confirmation), unless `edit` says otherwise. */
function buildRequest(edit: Partial<RightsRequest> = {}): RightsRequest {
  return {
    id: '5b0f7c1e-8d5c-4f36-9a37-0d7a3c1e2b44',
    reference: 'R-7K3Q-9XPM',
    siteId: 'main',
    type: 'erasure',
    state: 'awaiting-verification',
    channel: 'web',
    language: 'en',
    identity: { type: 'email', value: 'bob@example.be' },
    identityHash: 'hash',
    declaredContact: null,
    details: {},
    verificationLevel: 'code-and-confirm',
    identityKnown: true,
    contacts: ['bob@example.be'],
    receivedAt: received,
    dueOn: '2026-04-02',
    dueAt: new Date('2026-04-02T21:59:59Z'),
    extendedAt: null,
    extensionReason: null,
    dispatchedAt: received,
    codeVerifiedAt: new Date('2026-03-02T09:05:00Z'),
    verifiedAt: null,
    verifiedBy: null,
    confirmedAt: null,
    executeAfter: null,
    approvedAt: null,
    approvedBy: null,
    closedAt: null,
    refusalReason: null,
    refusalExplanation: null,
    overrideRequestedBy: null,
    overrideRequestedAt: null,
    overrideReason: null,
    plan: null,
    result: null,
    changes: null,
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    createdBy: 'subject',
    updatedAt: received,
    ...edit,
  };
}

function frameIn(language: Language): PageFrame {
  const charter = buildCharter();
  return { charter, site: charter.sites[0]!, language, languages: [...uiLanguages], banner: false };
}

const consents = [{ purpose: 'newsletter', granted: true, at: '2026-01-01T00:00:00Z' }];

describe('who may do what on a request', () => {
  it('belongs to the mailbox once its code or link was used; until then the filing browser may withdraw it', () => {
    expect(provenByMailbox(buildRequest())).toBe(true);
    expect(filerMayCancel(buildRequest())).toBe(false);
    expect(filerMayCancel(buildRequest({ codeVerifiedAt: null }))).toBe(true);
    expect(filerMayCancel(buildRequest({ codeVerifiedAt: null, state: 'received' }))).toBe(true);
    // Verified by staff (no code): the filing browser did not prove it either.
    expect(
      filerMayCancel(
        buildRequest({ codeVerifiedAt: null, state: 'verified', verifiedAt: received, verifiedBy: 'user:1' }),
      ),
    ).toBe(false);
  });
});

describe('the status page', () => {
  for (const language of uiLanguages) {
    it(`tells the filing browser, in ${language}, that the request was confirmed elsewhere, and nothing more`, () => {
      const page = statusPage(
        frameIn(language),
        buildRequest({
          state: 'verified',
          verifiedAt: received,
          confirmedAt: received,
          executeAfter: new Date('2026-03-09T09:05:00Z'),
        }),
        { now: received, consents, proven: false },
      );
      expect(page).toContain(rightsTexts[language].provenElsewhere);
      expect(page).toContain('R-7K3Q-9XPM');
      expect(page).not.toContain('data-state');
      expect(page).not.toContain('/confirm');
      expect(page).not.toContain('/cancel');
      expect(page).not.toContain('/consents');
    });
  }

  it('offers the confirmation, the consents and the cancellation to the browser that used the code or link', () => {
    const base = '/privacy/main/requests/5b0f7c1e-8d5c-4f36-9a37-0d7a3c1e2b44';
    const waiting = statusPage(frameIn('en'), buildRequest(), { now: received, proven: true });
    expect(waiting).toContain(`action="${base}/confirm"`);
    expect(waiting).toContain(`action="${base}/cancel"`);
    const verified = statusPage(
      frameIn('en'),
      buildRequest({ type: 'access', state: 'verified', verificationLevel: 'code', verifiedAt: received }),
      { now: received, consents, proven: true },
    );
    expect(verified).toContain(`action="${base}/consents"`);
    expect(verified).not.toContain(rightsTexts.en.provenElsewhere);
  });

  it('shows the filing browser the code form and its own cancellation while nobody proved the mailbox', () => {
    const page = statusPage(frameIn('en'), buildRequest({ codeVerifiedAt: null }), { now: received, proven: false });
    expect(page).toContain('/verify');
    expect(page).toContain('/cancel');
    expect(page).not.toContain('/confirm');
  });
});
