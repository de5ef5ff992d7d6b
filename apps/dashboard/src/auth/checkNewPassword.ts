/** The shortest password the server accepts (`PASSWORD_LENGTH.min` in @parcours/api). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * What is wrong with a new password before it goes to the server, or `undefined`.
 * The server checks again; this only saves a round trip and says it next to the field.
 */
export function checkNewPassword(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters (${password.length} so far).`;
  return undefined;
}
