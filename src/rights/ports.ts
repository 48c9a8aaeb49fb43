/**
 * What Rights needs from neighbouring domains, as small ports wired in the composition root: the consent ledger
 * (suppression, withdrawal, a person's purpose-consent history) and the people to remind (privacy officers).
 */
import type { Charter } from '../charter/schema.js';
import type { OrgScope } from '../platform/db/tenancy.js';

/** One purpose-consent event of a person, JSON-safe (for the access package and the privacy center). */
export interface ConsentEvent {
  at: string;
  purpose: string;
  granted: boolean;
  method?: string | undefined;
  /** Version of the exact text shown when the consent was given. */
  textVersion?: string | undefined;
}

export interface ConsentHistory {
  /** Current state per purpose. */
  current: { purpose: string; granted: boolean; at: string }[];
  /** Every event, oldest first. */
  events: ConsentEvent[];
}

export interface ConsentPort {
  /** Art. 21(3): adds the address to the marketing suppression list, whether or not the person is known. */
  suppress(scope: OrgScope, email: string): Promise<void>;
  /** Withdraws a purpose consent through the ledger (Art. 7(3)); false when there was none to withdraw. */
  withdraw(scope: OrgScope, input: { email: string; purpose: string; reference: string }): Promise<boolean>;
  /** The person's purpose consents and their history. */
  history(scope: OrgScope, email: string): Promise<ConsentHistory>;
  /** Erases the person's purpose consents (Art. 17); a marketing suppression entry stays. Returns the events erased. */
  erase(scope: OrgScope, email: string): Promise<number>;
  /**
   * Whether the address was confirmed through a double opt-in (issue 18): such a person is known to the organisation
   * through the ledger alone and may be sent a verification code like a person found in a store.
   */
  confirmedContact(scope: OrgScope, email: string): Promise<boolean>;
}

export interface OfficerPort {
  /** Addresses of the people who handle requests (owners and privacy officers), for arrivals, reminders and approvals. */
  emails(scope: OrgScope, charter: Charter): Promise<string[]>;
}

/** The charter's DPO, else its privacy contact: who is told when no officer account exists. */
export function charterOfficerEmails(charter: Charter): string[] {
  return [charter.organisation.dpo?.email ?? charter.organisation.contact.email];
}
