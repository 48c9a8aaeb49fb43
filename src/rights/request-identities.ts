/**
 * Who a request is about, as the stores and the consent ledger look people up: the identity the person gave, and the
 * addresses their purpose consents may be filed under.
 */
import type { Identity } from '../stores/connector.js';
import type { RightsRequest } from './request-row.js';

/** The identities the stores search for (the one the person gave). */
export function identitiesOf(request: Pick<RightsRequest, 'identity'>): Identity[] {
  return [{ type: request.identity.type as Identity['type'], value: request.identity.value }];
}

/** The addresses a person's purpose consents may be filed under: the email identity and the verified contacts. */
export function emailsOf(request: Pick<RightsRequest, 'identity' | 'contacts'>): string[] {
  const emails = new Set(request.contacts);
  if (request.identity.type === 'email') emails.add(request.identity.value);
  return [...emails];
}
