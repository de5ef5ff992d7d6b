import { describePasswordProblem } from '@parcours/api';
import { CliError, type CliIo } from './CliIo.js';

/**
 * A new password: the first line of standard input, refused with the reason when it
 * is too short or too long. Never taken from an option, which would stay in the
 * shell's history and in `ps`.
 */
export async function readNewPassword(io: CliIo): Promise<string> {
  if (io.readStdin === undefined) throw new CliError('no standard input to read the password from');
  const password = (await io.readStdin()).split(/\r?\n/, 1)[0] ?? '';
  if (password === '') throw new CliError('give the password on the first line of standard input');
  const problem = describePasswordProblem(password);
  if (problem !== undefined) throw new CliError(`refused ${problem}`);
  return password;
}
