/**
 * The age from which a child can consent alone to information society services offered directly to children
 * (Art. 8(1) GDPR): 16 unless a member state sets a lower age, not below 13. These are the ages the member states
 * (and the EEA states) chose in their implementing laws. A charter may raise an age (`children.minimumAge`), never
 * lower it: the lint flags that.
 */

/** The GDPR default where a state made no choice: Art. 8(1). */
export const defaultChildConsentAge = 16;

const ages: Readonly<Record<string, number>> = {
  AT: 14, // Datenschutzgesetz § 4(4)
  BE: 13, // Law of 30 July 2018, art. 7
  BG: 14,
  CY: 14,
  CZ: 15,
  DE: 16, // no derogation: the GDPR default
  DK: 13,
  EE: 13,
  ES: 14, // LOPDGDD art. 7
  FI: 13,
  FR: 15, // Loi Informatique et Libertés art. 45: under 15, consent given jointly with a parent
  GR: 15,
  HR: 16,
  HU: 16,
  IE: 16,
  IS: 13,
  IT: 14, // Codice privacy art. 2-quinquies
  LI: 16,
  LT: 14,
  LU: 16, // no derogation: the GDPR default
  LV: 13,
  MT: 13,
  NL: 16, // UAVG art. 5: the GDPR default
  NO: 13,
  PL: 16,
  PT: 13,
  RO: 16,
  SE: 13,
  SI: 15,
  SK: 16,
};

/** The Art. 8 age for a country (ISO alpha-2); 16 for a country not listed. */
export function childConsentAge(country: string): number {
  return ages[country.trim().toUpperCase()] ?? defaultChildConsentAge;
}
