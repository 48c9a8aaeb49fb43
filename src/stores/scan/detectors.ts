/**
 * Personal-data detectors for `charter scan`: by value (with checksums wherever the format has one, so random
 * numbers are not taken for bank accounts) and by column name (in EN, NL, FR and DE). Pure.
 */
import { isIP } from 'node:net';

export interface Detector {
  id: string;
  /** Data category it suggests. */
  category: string;
  /** How much one matching value weighs: checksummed formats are strong, loose formats weak. */
  strength: number;
  test(value: string): boolean;
}

const emailPattern = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value.trim());
}

/** E.164: a plus (or 00), a country code and up to 15 digits in all; spaces, dots, dashes and brackets allowed. */
export function isE164Phone(value: string): boolean {
  const compact = value.trim().replace(/[\s.()/-]/g, '');
  const digits = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : undefined;
  return digits !== undefined && /^[1-9]\d{7,14}$/.test(digits);
}

/** ISO 13616 IBAN with its mod-97 check. */
export function isIban(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * Belgian national register number (rijksregisternummer / numéro de registre national): YYMMDD + 3-digit serial +
 * 2-digit check = 97 − (first 9 digits mod 97); for people born from 2000 the 9 digits are prefixed with 2.
 */
export function isBelgianNationalNumber(value: string): boolean {
  const digits = value.replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  const base = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  const month = Number(digits.slice(2, 4));
  // Months 0 (unknown) and +20/+40 (bis numbers) are valid; anything else is not a birth month.
  if (!(month <= 12 || (month >= 20 && month <= 32) || (month >= 40 && month <= 52))) return false;
  return 97 - (Number(base) % 97) === check || 97 - (Number(`2${base}`) % 97) === check;
}

/** Belgian enterprise / VAT number: (BE) 0 or 1 + 9 digits, check = 97 − (first 8 digits mod 97). */
export function isBelgianCompanyNumber(value: string): boolean {
  const compact = value.replace(/[\s.-]/g, '').toUpperCase().replace(/^BE/, '');
  if (!/^[01]\d{9}$/.test(compact)) return false;
  return 97 - (Number(compact.slice(0, 8)) % 97) === Number(compact.slice(8));
}

/** EU VAT numbers by their country format (no checksum outside Belgium: a weaker signal). */
export function isEuVatNumber(value: string): boolean {
  const compact = value.replace(/[\s.-]/g, '').toUpperCase();
  if (compact.startsWith('BE')) return isBelgianCompanyNumber(compact);
  return /^(NL\d{9}B\d{2}|FR[0-9A-Z]{2}\d{9}|DE\d{9}|LU\d{8}|AT U\d{8}|ATU\d{8}|ES[0-9A-Z]\d{7}[0-9A-Z]|IT\d{11}|PL\d{10}|IE\d{7}[A-W][A-I]?|DK\d{8}|SE\d{12}|FI\d{8}|PT\d{9})$/.test(compact);
}

export function isIpAddress(value: string): boolean {
  const trimmed = value.trim().replace(/\/\d{1,3}$/, '');
  return isIP(trimmed) !== 0;
}

/** Luhn check on 13–19 digits with a known card prefix (Visa, Mastercard, Amex, Discover, Maestro, Bancontact). */
export function isPaymentCard(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits) || !/^(4|5[1-5]|2[2-7]|3[47]|6|67)/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A plausible birth date: a calendar date between 1900 and five years before `now`. */
export function isPlausibleBirthDate(value: string, now: Date = new Date()): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) ?? /^(\d{2})[/.-](\d{2})[/.-](\d{4})$/.exec(value.trim());
  if (!match) return false;
  const [year, month, day] = match[1]?.length === 4 ? [match[1], match[2], match[3]] : [match[3], match[2], match[1]];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)) return false;
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() - 5);
  return date.getUTCFullYear() >= 1900 && date <= latest;
}

export const valueDetectors: Detector[] = [
  { id: 'email', category: 'contact.email', strength: 1, test: isEmail },
  { id: 'iban', category: 'financial.bank-account', strength: 1, test: isIban },
  { id: 'payment-card', category: 'financial.card-number', strength: 1, test: isPaymentCard },
  { id: 'be-national-number', category: 'identity.national-number', strength: 0.9, test: isBelgianNationalNumber },
  { id: 'company-number', category: 'professional.company-number', strength: 0.8, test: isEuVatNumber },
  { id: 'phone', category: 'contact.phone', strength: 0.9, test: isE164Phone },
  { id: 'ip-address', category: 'online.ip-address', strength: 0.9, test: isIpAddress },
];

/** Column names that say what they hold; matched on the lower-cased name split at `_`, `-` and camel case. */
const namePatterns: { id: string; category: string; pattern: RegExp }[] = [
  { id: 'name:email', category: 'contact.email', pattern: /(^|_)(e_?mail|mail|email_address|courriel)(_|$)/ },
  { id: 'name:phone', category: 'contact.phone', pattern: /(^|_)(phone|telephone|tel|gsm|mobile|mobiel|telefoon|telefon|portable|handy)(_|$)/ },
  { id: 'name:birth', category: 'identity.date-of-birth', pattern: /(^|_)(birth|birthday|birthdate|dob|date_of_birth|geboortedatum|geboorte|naissance|geburtsdatum|born)(_|$)/ },
  { id: 'name:national-number', category: 'identity.national-number', pattern: /(^|_)(national_number|national_id|rijksregister|rijksregisternummer|insz|niss|ssn|registre_national)(_|$)/ },
  { id: 'name:iban', category: 'financial.bank-account', pattern: /(^|_)(iban|bank_account|account_number|rekeningnummer|bankrekening)(_|$)/ },
  { id: 'name:card', category: 'financial.card-number', pattern: /(^|_)(card_number|cc_number|pan|credit_card)(_|$)/ },
  { id: 'name:ip', category: 'online.ip-address', pattern: /(^|_)(ip|ip_address|ipaddress|remote_addr|client_ip)(_|$)/ },
  { id: 'name:vat', category: 'professional.company-number', pattern: /(^|_)(vat|vat_number|btw|btw_nummer|tva|company_number|ondernemingsnummer|kbo)(_|$)/ },
  { id: 'name:name', category: 'identity.name', pattern: /(^|_)(first_name|firstname|last_name|lastname|surname|full_name|given_name|family_name|billing_name|contact_name|customer_name|display_name|nickname|voornaam|achternaam|naam|prenom|nom|vorname|nachname)(_|$)/ },
  { id: 'name:address', category: 'contact.postal-address', pattern: /(^|_)(address|street|straat|adres|adresse|rue|strasse|postal_code|postcode|zip|zipcode)(_|$)/ },
  { id: 'name:password', category: 'account.password', pattern: /(^|_)(password|passwd|password_hash|pwd|wachtwoord|mot_de_passe|user_pass)(_|$)/ },
  { id: 'name:gender', category: 'identity.gender', pattern: /(^|_)(gender|sex|geslacht|sexe|geschlecht)(_|$)/ },
];

/** Splits `billingEmail`, `billing-email`, `BILLING_EMAIL` into `billing_email`. */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase();
}

export function detectByName(column: string): { id: string; category: string } | undefined {
  const name = normaliseColumnName(column);
  return namePatterns.find((p) => p.pattern.test(name));
}
