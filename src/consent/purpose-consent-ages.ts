/**
 * The age from which a child consents alone to an information society service (Art. 8(1) GDPR: 16 unless the member
 * state lowered it, never below 13), as set by each EEA state's implementing law. Below it, a holder of parental
 * responsibility consents (or, in France under 15, the parent and the child together: Loi Informatique et Libertés,
 * art. 45). A charter may override a country in `children.minimumAge`.
 */
import type { Charter } from '../charter/schema.js';

export const defaultDigitalConsentAge = 16;

export const digitalConsentAges: Readonly<Record<string, number>> = {
  AT: 14, BE: 13, BG: 14, CY: 14, CZ: 15, DE: 16, DK: 13, EE: 13, ES: 14, FI: 13, FR: 15, GR: 15, HR: 16, HU: 16,
  IE: 16, IT: 14, LT: 14, LU: 16, LV: 13, MT: 13, NL: 16, PL: 16, PT: 13, RO: 16, SE: 13, SI: 15, SK: 16,
  IS: 13, LI: 16, NO: 13,
}; // prettier-ignore

/** Countries where, under the age, the child consents together with the parent rather than the parent alone. */
export const jointConsentCountries: ReadonlySet<string> = new Set(['FR']);

/** The age of digital consent in `country` for this charter. */
export function digitalConsentAge(charter: Pick<Charter, 'children'>, country: string): number {
  return charter.children.minimumAge[country] ?? digitalConsentAges[country] ?? defaultDigitalConsentAge;
}

/** Whole years between a birth date (YYYY-MM-DD) and `now` (UTC). */
export function ageOn(birthDate: string, now: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - year;
  const beforeBirthday = now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day);
  if (beforeBirthday) age--;
  return age;
}
