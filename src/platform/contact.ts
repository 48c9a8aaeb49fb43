/**
 * Contact values Charter may send to: exactly one plain address (or one phone number), nothing else. Values read from
 * an organisation's stores are data, not trusted input — `dave@shop.test\r\nBcc: mallory@evil.test` or
 * `erin@shop.test, mallory@evil.test` would otherwise add a recipient to a verification mail. Both the reader of a
 * store's contacts and the mailer check with these functions (two walls).
 */

/** Why a value is not one plain contact. */
export type ContactProblem =
  | 'empty'
  | 'too-long'
  | 'control-characters'
  | 'list'
  | 'display-name'
  | 'angle-brackets'
  | 'not-an-address'
  | 'not-a-phone-number';

export type ContactCheck = { ok: true; value: string } | { ok: false; problem: ContactProblem };

// C0 and C1 controls, DEL, and the invisible format characters (bidi overrides, zero-width joiners, BOM) a header
// or a console could interpret.
const controlOrFormat = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
// RFC 5322 dot-atom local part (no quoted strings, no comments), letters of any script allowed (RFC 6531).
const localPart = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
// A host name of at least two labels; each label 1–63 letters, digits or inner hyphens; a top-level label of letters.
const domain =
  /^(?=.{1,253}$)([\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/** Ordinary spaces around a value are tolerated; a line break or other control character never is. */
function trimSpaces(raw: string): string {
  return raw.replace(/^ +| +$/g, '');
}

function commonProblem(value: string, maxLength: number): ContactProblem | undefined {
  if (value.length === 0) return 'empty';
  if (value.length > maxLength) return 'too-long';
  if (controlOrFormat.test(value)) return 'control-characters';
  if (/[,;]/.test(value)) return 'list';
  if (/[<>]/.test(value)) return 'angle-brackets';
  return undefined;
}

/**
 * One plain email address (RFC 5321 path, no display name, no list), trimmed; otherwise the problem.
 *
 * @example
 *   checkAddress('dave@shop.test')                              // { ok: true, value: 'dave@shop.test' }
 *   checkAddress('erin@shop.test, mallory@evil.test')           // { ok: false, problem: 'list' }
 *   checkAddress('dave@shop.test\r\nBcc: mallory@evil.test')    // { ok: false, problem: 'control-characters' }
 */
export function checkAddress(raw: string): ContactCheck {
  const value = trimSpaces(raw);
  const problem = commonProblem(value, 254);
  if (problem) return { ok: false, problem };
  if (/[\s"()[\]\\:]/u.test(value))
    return { ok: false, problem: value.includes('@') && /\s/u.test(value) ? 'display-name' : 'not-an-address' };
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) return { ok: false, problem: 'not-an-address' };
  const local = value.slice(0, at);
  const host = value.slice(at + 1);
  if (local.length > 64 || !localPart.test(local) || !domain.test(host))
    return { ok: false, problem: 'not-an-address' };
  return { ok: true, value };
}

/** Whether a value is exactly one plain address. */
export function isPlainAddress(value: string): boolean {
  return checkAddress(value).ok && trimSpaces(value) === value;
}

/** One phone number (digits with the usual separators, an optional leading +, 6 to 15 digits as E.164 allows). */
export function checkPhone(raw: string): ContactCheck {
  const value = trimSpaces(raw);
  const problem = commonProblem(value, 32);
  if (problem) return { ok: false, problem };
  if (!/^\+?[0-9 ().-]+$/.test(value)) return { ok: false, problem: 'not-a-phone-number' };
  const digits = value.replace(/\D/g, '').length;
  if (digits < 6 || digits > 15) return { ok: false, problem: 'not-a-phone-number' };
  return { ok: true, value };
}

/**
 * A refused value as it may be shown to staff: its first two letters or digits and `***`. Nothing after them, so
 * neither a second address nor an injected header reaches a page, a log or the audit trail.
 */
export function maskRefused(value: string): string {
  const start = /^[\p{L}\p{N}]{0,2}/u.exec(value.trim())?.[0] ?? '';
  return `${start}***`;
}

/** `an***@example.be`, `C-0***`: enough to recognise, not enough to copy. */
export function maskContact(value: string): string {
  const at = value.indexOf('@');
  if (at > 0) return `${value.slice(0, Math.min(2, at))}***${value.slice(at)}`;
  return value.length <= 3 ? '***' : `${value.slice(0, 3)}***`;
}
