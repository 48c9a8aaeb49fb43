/**
 * Personal-data detectors for `charter scan`: by value (with checksums wherever the format has one, so random
 * numbers are not taken for bank accounts), inside free text (an IBAN in a `notes` column), and by column name (in
 * EN, NL, FR and DE). Values found are only ever shown masked (`maskValue`). Pure.
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

const emailPattern =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value.trim());
}

/** E.164: a plus (or 00), a country code and up to 15 digits in all; spaces, dots, dashes and brackets allowed. */
export function isE164Phone(value: string): boolean {
  const compact = value.trim().replace(/[\s.()/-]/g, '');
  const digits = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : undefined;
  return digits !== undefined && /^[1-9]\d{7,14}$/.test(digits);
}

/**
 * National phone numbers in the formats people write them in Belgium, the Netherlands, France and Germany: a trunk
 * 0 and a non-zero digit; 9 digits (Belgian landline, 02 123 45 67) or 10 (Belgian, Dutch and French mobiles and
 * lines: 0470 12 34 56, 06 12345678, 06 12 34 56 78); German numbers (10–12 digits) only with a separator after the
 * area code (030 12345678, 0171/1234567), since a bare run of digits that long is more often something else.
 */
export function isNationalPhone(value: string): boolean {
  const trimmed = value.trim();
  if (!/^0[1-9][\d .()/-]*\d$/.test(trimmed) || /[ .()/-]{2}/.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 9 || digits.length === 10) return true;
  return digits.length >= 10 && digits.length <= 12 && /^0[1-9]\d{1,4}[ /-]\d/.test(trimmed);
}

/** A phone number, international (E.164 with + or 00) or in a Belgian, Dutch, French or German national format. */
export function isPhone(value: string): boolean {
  return isE164Phone(value) || isNationalPhone(value);
}

/** IBAN lengths of the countries whose accounts Charter's users meet most (others: any length 15–34). */
const ibanLengths: Record<string, number> = {
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
};

/** ISO 13616 IBAN with its mod-97 check (and the country's length where known). */
export function isIban(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const length = ibanLengths[compact.slice(0, 2)];
  if (length !== undefined && compact.length !== length) return false;
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
  const compact = value
    .replace(/[\s.-]/g, '')
    .toUpperCase()
    .replace(/^BE/, '');
  if (!/^[01]\d{9}$/.test(compact)) return false;
  return 97 - (Number(compact.slice(0, 8)) % 97) === Number(compact.slice(8));
}

/** EU VAT numbers by their country format (no checksum outside Belgium: a weaker signal). */
export function isEuVatNumber(value: string): boolean {
  const compact = value.replace(/[\s.-]/g, '').toUpperCase();
  if (compact.startsWith('BE')) return isBelgianCompanyNumber(compact);
  return /^(NL\d{9}B\d{2}|FR[0-9A-Z]{2}\d{9}|DE\d{9}|LU\d{8}|AT U\d{8}|ATU\d{8}|ES[0-9A-Z]\d{7}[0-9A-Z]|IT\d{11}|PL\d{10}|IE\d{7}[A-W][A-I]?|DK\d{8}|SE\d{12}|FI\d{8}|PT\d{9})$/.test(
    compact,
  );
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
  { id: 'phone', category: 'contact.phone', strength: 0.9, test: isPhone },
  { id: 'ip-address', category: 'online.ip-address', strength: 0.9, test: isIpAddress },
];

/** Column names that say what they hold; matched on the lower-cased name split at `_`, `-` and camel case. */
const namePatterns: { id: string; category: string; pattern: RegExp }[] = [
  { id: 'name:email', category: 'contact.email', pattern: /(^|_)(e_?mail|mail|email_address|courriel)(_|$)/ },
  {
    id: 'name:phone',
    category: 'contact.phone',
    pattern: /(^|_)(phone|telephone|tel|gsm|mobile|mobiel|telefoon|telefon|portable|handy)(_|$)/,
  },
  {
    id: 'name:birth',
    category: 'identity.date-of-birth',
    pattern:
      /(^|_)(birth|birthday|birthdate|dob|date_of_birth|geboortedatum|geboorte|naissance|geburtsdatum|born)(_|$)/,
  },
  {
    id: 'name:national-number',
    category: 'identity.national-number',
    pattern:
      /(^|_)(national_number|national_id|rijksregister|rijksregisternummer|insz|niss|ssn|registre_national)(_|$)/,
  },
  {
    id: 'name:iban',
    category: 'financial.bank-account',
    pattern: /(^|_)(iban|bank_account|account_number|rekeningnummer|bankrekening)(_|$)/,
  },
  { id: 'name:card', category: 'financial.card-number', pattern: /(^|_)(card_number|cc_number|pan|credit_card)(_|$)/ },
  {
    id: 'name:ip',
    category: 'online.ip-address',
    pattern: /(^|_)(ip|ip_address|ipaddress|remote_addr|client_ip)(_|$)/,
  },
  {
    id: 'name:vat',
    category: 'professional.company-number',
    pattern: /(^|_)(vat|vat_number|btw|btw_nummer|tva|company_number|ondernemingsnummer|kbo)(_|$)/,
  },
  {
    id: 'name:name',
    category: 'identity.name',
    pattern:
      /(^|_)(first_name|firstname|last_name|lastname|surname|full_name|given_name|family_name|billing_name|contact_name|customer_name|display_name|nickname|voornaam|achternaam|naam|prenom|nom|vorname|nachname)(_|$)/,
  },
  {
    id: 'name:address',
    category: 'contact.postal-address',
    pattern: /(^|_)(address|street|straat|adres|adresse|rue|strasse|postal_code|postcode|zip|zipcode)(_|$)/,
  },
  {
    id: 'name:password',
    category: 'account.password',
    pattern: /(^|_)(password|passwd|password_hash|pwd|wachtwoord|mot_de_passe|user_pass)(_|$)/,
  },
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

// ---------------------------------------------------------------------------------------------------------------
// Inside free text

/** A value found inside a longer text. `value` is personal data: show it only through `maskValue`. */
export interface TextMatch {
  detector: string;
  category: string;
  start: number;
  end: number;
  value: string;
}

interface TextDetector {
  id: string;
  category: string;
  /** Candidates: every span shaped like the format, valid or not. */
  pattern: RegExp;
  test(value: string): boolean;
}

const notWordBefore = String.raw`(?<![\p{L}\p{N}_@.+-])`;
const notWordAfter = String.raw`(?![\p{L}\p{N}_@]|[.-]\p{N})`;

/**
 * Structured formats, strongest first. Each pattern matches the format's shape; the checksum decides. A shaped span
 * that fails its check (a mistyped IBAN) is still not read as a phone number: its digits belong to it.
 */
const structuredTextDetectors: TextDetector[] = [
  {
    id: 'iban',
    category: 'financial.bank-account',
    pattern: new RegExp(`${notWordBefore}[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{1,4}){3,8}${notWordAfter}`, 'gu'),
    test: isIban,
  },
  {
    id: 'email',
    category: 'contact.email',
    pattern: /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gu,
    test: isEmail,
  },
  {
    id: 'be-national-number',
    category: 'identity.national-number',
    pattern: new RegExp(`${notWordBefore}\\d{2}\\.?\\d{2}\\.?\\d{2}[-.]?\\d{3}\\.?\\d{2}${notWordAfter}`, 'gu'),
    test: isBelgianNationalNumber,
  },
  // BE + 10 digits, or the dotted 0xxx.xxx.xxx notation; a bare 10-digit run is more likely a phone number.
  {
    id: 'company-number',
    category: 'professional.company-number',
    pattern: new RegExp(
      `${notWordBefore}(?:BE ?[01]\\d{3}\\.?\\d{3}\\.?\\d{3}|[01]\\d{3}\\.\\d{3}\\.\\d{3})${notWordAfter}`,
      'gu',
    ),
    test: isBelgianCompanyNumber,
  },
  {
    id: 'company-number',
    category: 'professional.company-number',
    pattern: new RegExp(
      `${notWordBefore}(?:NL\\d{9}B\\d{2}|FR[0-9A-Z]{2}\\d{9}|DE\\d{9}|LU\\d{8}|ATU\\d{8})${notWordAfter}`,
      'gu',
    ),
    test: isEuVatNumber,
  },
  // At least 13 digits: shorter runs (phone numbers) are not claimed as mistyped cards.
  {
    id: 'payment-card',
    category: 'financial.card-number',
    pattern: new RegExp(`${notWordBefore}\\d{4}(?:[ -]?\\d{3,4}){3,4}${notWordAfter}`, 'gu'),
    test: isPaymentCard,
  },
];

const phoneTextDetector: TextDetector = {
  id: 'phone',
  category: 'contact.phone',
  pattern: new RegExp(`${notWordBefore}(?:\\+|00)?\\d+(?:(?: ?\\(0\\) ?|[ ./-])\\d+)*${notWordAfter}`, 'gu'),
  test: (value) => isPhone(value.replace(/ ?\(0\) ?/, ' ')),
};

function spans(detector: TextDetector, text: string): TextMatch[] {
  return [...text.matchAll(detector.pattern)].map((m) => ({
    detector: detector.id,
    category: detector.category,
    start: m.index,
    end: m.index + m[0].length,
    value: m[0],
  }));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * IBAN candidates may run on into the next group of characters ("BE68 5390 0754 7034 1234"): the longest prefix
 * ending at a group that passes the check is the IBAN.
 */
function shortenIban(match: TextMatch): TextMatch {
  if (isIban(match.value)) return match;
  for (let end = match.value.length - 1; end >= 15; end--) {
    if (match.value[end] !== ' ') continue;
    const value = match.value.slice(0, end);
    if (isIban(value)) return { ...match, end: match.start + end, value };
  }
  return match;
}

/**
 * Every email address, phone number, IBAN, Belgian national or company number, EU VAT number and payment card
 * inside a text, each checked (checksums where the format has one), without overlaps, in order of position.
 */
export function findInText(text: string): TextMatch[] {
  const found: TextMatch[] = [];
  // Spans already claimed by a stronger format, valid or not: the digits of a mistyped IBAN are no card or phone.
  const shaped: TextMatch[] = [];
  for (const detector of structuredTextDetectors) {
    const claimed: TextMatch[] = [];
    for (const candidate of spans(detector, text)) {
      if (shaped.some((s) => overlaps(s, candidate))) continue;
      // No IBAN is shorter than 15 characters (Norway); BE0403170701 is a company number.
      if (detector.id === 'iban' && candidate.value.replace(/ /g, '').length < 15) continue;
      const match = detector.id === 'iban' ? shortenIban(candidate) : candidate;
      const valid = detector.test(match.value);
      if (valid) found.push(match);
      claimed.push(valid ? match : candidate);
    }
    shaped.push(...claimed);
  }
  for (const candidate of spans(phoneTextDetector, text)) {
    if (phoneTextDetector.test(candidate.value) && !shaped.some((s) => overlaps(s, candidate))) found.push(candidate);
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A found value with enough left to recognise its kind and tell two apart, and not enough to use: an email keeps
 * its first letter and top-level domain, an IBAN or VAT number its country, everything keeps its separators and
 * last two characters. Scan reports and logs show values only like this.
 */
export function maskValue(detector: string, value: string): string {
  if (detector === 'email') {
    const at = value.lastIndexOf('@');
    const domain = value.slice(at + 1);
    const tld = domain.slice(domain.lastIndexOf('.'));
    return `${value[0] ?? ''}***@***${tld}`;
  }
  const keepStart = detector === 'phone' ? /^(?:\+|00)?/.exec(value)![0].length : /^[A-Z]{2}/.test(value) ? 2 : 0;
  let kept = 0;
  const chars = [...value];
  // Keep the last two alphanumerics; star the other letters and digits, keep separators.
  for (let i = chars.length - 1; i >= keepStart; i--) {
    if (!/[\p{L}\p{N}]/u.test(chars[i]!)) continue;
    if (kept < 2) kept++;
    else chars[i] = '*';
  }
  return chars.join('');
}
