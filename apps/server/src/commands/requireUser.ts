import type { Store, User } from '@parcours/store';
import { CliError } from './CliIo.js';

/** The user with this email (any case), or a {@link CliError} saying how to create them. */
export async function requireUser(store: Store, email: string, db: string): Promise<User> {
  const found = await store.getUserByEmail(email);
  if (found === undefined) {
    throw new CliError(
      `no user with email ${email} in ${db} (create one with: parcours user create --email ${email} --name NAME)`,
    );
  }
  // Never carry the password hash further than needed.
  const { userId, email: storedEmail, name, isAdmin, createdAt } = found;
  return { userId, email: storedEmail, name, isAdmin, createdAt };
}
