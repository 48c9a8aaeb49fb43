import { describe, expect, it } from 'vitest';
import { emailsOf, identitiesOf } from './request-identities.js';

describe('who a request is about', () => {
  it('searches the stores for the identity the person gave', () => {
    expect(identitiesOf({ identity: { type: 'customer-number', value: 'C-1' } })).toEqual([
      { type: 'customer-number', value: 'C-1' },
    ]);
  });

  it('files consents under the verified contacts and the email identity, each address once', () => {
    const request = { identity: { type: 'email', value: 'ann@example.org' }, contacts: ['ann@example.org', 'a@b.eu'] };
    expect(emailsOf(request).sort()).toEqual(['a@b.eu', 'ann@example.org']);
  });

  it('does not take a non-email identity for an address', () => {
    expect(emailsOf({ identity: { type: 'customer-number', value: 'C-1' }, contacts: ['a@b.eu'] })).toEqual(['a@b.eu']);
  });
});
