import { describe, expect, it } from 'vitest';
import { isIbanValid, isLuhnValid } from './checkDigits.js';
import { redactPii, redactPiiNumber } from './redactPii.js';

// Fixtures: each value holds one kind of personal data; the expectation is the exact text stored.
const FOUND: Array<[string, string]> = [
  ['ann.lee+shop@example.com', '[email]'],
  ['Contact bob_99@mail.example.co.uk today', 'Contact [email] today'],
  ['/reset/carol%40example.org', '/reset/[email]'],
  ['+33 6 12 34 56 78', '[phone]'],
  ['call +44 20 7946 0958 now', 'call [phone] now'],
  ['06 12 34 56 78', '[phone]'],
  ['06.12.34.56.78', '[phone]'],
  ['0612345678', '[phone]'],
  ['020 7946 0958', '[phone]'],
  ['(555) 123-4567', '[phone]'],
  ['555-123-4567', '[phone]'],
  ['+1-202-555-0143', '[phone]'],
  ['0033 6 12 34 56 78', '[phone]'],
  ['4111 1111 1111 1111', '[card]'],
  ['card: 5500-0000-0000-0004.', 'card: [card].'],
  ['378282246310005', '[card]'],
  ['6011111111111117', '[card]'],
  ['4012888888881881', '[card]'],
  ['FR76 3000 6000 0112 3456 7890 189', '[iban]'],
  ['IBAN FR7630006000011234567890189 please', 'IBAN [iban] please'],
  ['DE89370400440532013000', '[iban]'],
  ['GB82 WEST 1234 5698 7654 32', '[iban]'],
  ['NL91ABNA0417164300', '[iban]'],
  ['be68 5390 0754 7034', '[iban]'],
  ['XX12 then FR76 3000 6000 0112 3456 7890 189 and more', 'XX12 then [iban] and more'],
  ['from 203.0.113.7', 'from [ip]'],
  ['2001:db8::1', '[ip]'],
  ['client 2001:0db8:85a3:0000:0000:8a2e:0370:7334 seen', 'client [ip] seen'],
  ['ann@example.com, +33 6 12 34 56 78', '[email], [phone]'],
];

// Near-misses: they look like personal data to a naive pattern and must be stored as sent.
const KEPT = [
  '4111 1111 1111 1112', // Luhn fails
  '4111111111111112', // a 16-digit order id failing Luhn
  '1733234567890', // an epoch-ms timestamp (13 digits, but no card starts with 1)
  'FR76 3000 6000 0112 3456 7890 188', // mod-97 fails
  'DE89370400440532013001',
  'AB12CDEFGHIJKLMNOP', // no such country
  '2026-12-03',
  '2026-12-03T10:15:00.000Z',
  '12:30:45',
  'v1.2.3',
  '0.123456789',
  '1 299,00 €',
  'ORD-48392017',
  '12345678901',
  'SKU 12345678',
  '75008',
  'price 19.99',
  '@parcours',
  'user@localhost',
  'Signed up',
  '/pricing',
  'https://shop.example/checkout?utm_source=news',
  '',
];

describe('redactPii', () => {
  it.each(FOUND)('redacts %j', (value, stored) => {
    expect(redactPii(value)).toBe(stored);
  });

  it.each(KEPT)('keeps the near-miss %j', (value) => {
    expect(redactPii(value)).toBe(value);
  });

  it('redacts a card number sent as a JSON number, and keeps other numbers', () => {
    expect(redactPiiNumber(4111111111111111)).toBe('[card]');
    expect(redactPiiNumber(4111111111111112)).toBe(4111111111111112);
    expect(redactPiiNumber(1733234567890)).toBe(1733234567890);
    expect(redactPiiNumber(42)).toBe(42);
    expect(redactPiiNumber(4.5)).toBe(4.5);
  });
});

describe('check digits', () => {
  it('checks Luhn', () => {
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
  });

  it('checks IBANs by country length and mod 97', () => {
    expect(isIbanValid('FR7630006000011234567890189')).toBe(true);
    expect(isIbanValid('FR763000600001123456789018')).toBe(false); // one short for FR
    expect(isIbanValid('GB82WEST12345698765432')).toBe(true);
    expect(isIbanValid('GB82WEST12345698765433')).toBe(false);
    expect(isIbanValid('ZZ82WEST12345698765432')).toBe(false);
  });
});
