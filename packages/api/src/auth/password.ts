import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt (RFC 7914), memory-hard: N = 2^15, r = 8, p = 1 takes 32 MiB and ~50 ms a
 * hash (OWASP's password-storage minimum is N = 2^17 with r = 8 only for p = 1 at
 * 128 MiB; 2^15 keeps sign-in responsive on a 2-core server and is still the
 * "interactive login" setting of the scrypt paper). The stored string carries its
 * parameters, so they can be raised later without breaking existing hashes.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const PREFIX = 'scrypt';

/** How passwords are hashed, in words (the Art. 30 register's security measures). */
export const PASSWORD_HASHING = `${PREFIX} (RFC 7914), N=${PARAMS.N}, r=${PARAMS.r}, p=${PARAMS.p}, 16-byte random salt`;

/** Passwords shorter than this are refused; longer than the max are too (hashing cost). */
export const PASSWORD_LENGTH = { min: 10, max: 256 } as const;

function derive(password: string, salt: Buffer, params: ScryptOptions & { N: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: Node's 32 MiB default is exactly 128·N·r, which scrypt exceeds by a little.
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { ...params, maxmem: 256 * params.N * params.r! },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Hashes a password with a fresh 16-byte salt: `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return [PREFIX, PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** True when `password` matches `stored`, compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [prefix, n, r, p, salt, hash] = stored.split('$');
  if (prefix !== PREFIX || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the email is unknown, so both cases take as long. */
let decoyHash: Promise<string> | undefined;
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  return decoyHash;
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function describePasswordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_LENGTH.min) return `password: at least ${PASSWORD_LENGTH.min} characters`;
  if (password.length > PASSWORD_LENGTH.max) return `password: at most ${PASSWORD_LENGTH.max} characters`;
  return undefined;
}
