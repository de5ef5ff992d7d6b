import { isIPv6 } from 'node:net';
import { IBAN_LENGTHS, isIbanValid, isLuhnValid } from './checkDigits.js';

/** What a redacted value holds in place of each kind of personal data it contained. */
export const PII_PLACEHOLDERS = {
  email: '[email]',
  iban: '[iban]',
  card: '[card]',
  phone: '[phone]',
  ip: '[ip]',
} as const;
export type PiiKind = keyof typeof PII_PLACEHOLDERS;

// `%40` too: an address inside a URL path or query arrives percent-encoded.
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Two letters, two check digits, then letters and digits, optionally in groups of four.
const IBAN = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/g;
// 13 to 19 digits (ISO/IEC 7812), optionally grouped by single spaces or dashes.
const CARD = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;
// A run of digits with the separators phone numbers are written with; classified below.
const PHONE = /(?<![\w+])(?:\+|\()?\d[\d ().-]*\d(?!\w)/g;
const NANP = /^(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const IPV4 =
  /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d)/g;
const IPV6 = /(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?![\w:])/g;

/**
 * A card number: 13–19 digits whose first is 2–6 (the issuer identifiers of the
 * card networks: Mastercard 2/5, Amex/Diners/JCB 3, Visa 4, Discover/UnionPay 6),
 * passing Luhn. The prefix keeps epoch-millisecond timestamps (1…) out.
 */
function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  const first = digits.charCodeAt(0) - 48;
  return first >= 2 && first <= 6 && isLuhnValid(digits);
}

/**
 * A phone number: international (`+` or `00` and 8–15 digits, E.164's maximum), national
 * with a trunk `0` (9–11 digits, written in one block or in three or more groups, so
 * that a decimal like `0.123456789` is not one), or North American `(555) 123-4567`.
 * A bare run of digits without `+` or `0` (an order id, a timestamp) is not one.
 */
function isPhoneNumber(candidate: string): boolean {
  if (/[ .-]{2}/.test(candidate)) return false;
  const digits = candidate.replace(/\D/g, '');
  if (candidate.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  // `00` is the international call prefix in most of the world.
  if (digits.startsWith('00')) return digits.length >= 10 && digits.length <= 17;
  if (digits.startsWith('0')) {
    const groups = candidate.split(/[ ().-]+/).filter((group) => group !== '').length;
    return digits.length >= 9 && digits.length <= 11 && (groups === 1 || groups >= 3);
  }
  return NANP.test(candidate);
}

function replaceIbans(text: string): string {
  let out = '';
  let from = 0;
  IBAN.lastIndex = 0;
  for (let match = IBAN.exec(text); match !== null; match = IBAN.exec(text)) {
    // The pattern may run on into the next word ("… 189 and"): cut at the country's length.
    const compact = match[0].replace(/ /g, '').toUpperCase();
    const length = IBAN_LENGTHS[compact.slice(0, 2)];
    if (length === undefined || length > compact.length || !isIbanValid(compact.slice(0, length))) {
      // Not one: look again from the next character (an IBAN may start inside this match).
      IBAN.lastIndex = match.index + 1;
      continue;
    }
    let end = 0;
    for (let seen = 0; seen < length; end++) if (match[0][end] !== ' ') seen++;
    out += text.slice(from, match.index) + PII_PLACEHOLDERS.iban;
    from = match.index + end;
    IBAN.lastIndex = from;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** One pass over the text: what decides which patterns are worth running. */
function scan(text: string): { digits: number; at: boolean; dot: boolean; colons: number } {
  let digits = 0;
  let at = false;
  let dot = false;
  let colons = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code === 64) at = true;
    else if (code === 46) dot = true;
    else if (code === 58) colons++;
  }
  return { digits, at: at || text.includes('%40'), dot, colons };
}

/**
 * The text with every email address, IBAN (mod-97 checked), card number (Luhn
 * checked), phone number and IP address in it replaced by its placeholder
 * (`PII_PLACEHOLDERS`); the same string when it holds none. Hot path of the
 * collector: one scan (an `@`, enough digits, colons) decides which patterns run,
 * and most values (names, paths, prices) run none.
 */
export function redactPii(text: string): string {
  const facts = scan(text);
  if (!facts.at && facts.digits < 4 && facts.colons < 2) return text;
  let out = facts.at ? text.replace(EMAIL, PII_PLACEHOLDERS.email) : text;
  if (facts.digits >= 8) {
    out = replaceIbans(out);
    out = out.replace(CARD, (match) => (isCardNumber(match) ? PII_PLACEHOLDERS.card : match));
    out = out.replace(PHONE, (match) => (isPhoneNumber(match) ? PII_PLACEHOLDERS.phone : match));
  }
  if (facts.digits >= 4 && facts.dot) out = out.replace(IPV4, PII_PLACEHOLDERS.ip);
  if (facts.colons >= 2) {
    out = out.replace(IPV6, (match) =>
      /[0-9A-Fa-f]/.test(match) && isIPv6(match) ? PII_PLACEHOLDERS.ip : match,
    );
  }
  return out;
}

/** A number that would be a card number written as digits (see `redactPii`), or the number itself. */
export function redactPiiNumber(value: number): number | string {
  if (!Number.isSafeInteger(value) || value < 1e12) return value;
  return isCardNumber(String(value)) ? PII_PLACEHOLDERS.card : value;
}
