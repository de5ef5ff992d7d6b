import { parseArgs } from 'node:util';
import type { PrivacySubjectRef } from '@parcours/store';
import { UsageError } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';

/** What `parcours privacy export` and `erase` take: the project, one id, the database. */
export function parsePrivacySubject(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      project: { type: 'string' },
      'user-id': { type: 'string' },
      'anonymous-id': { type: 'string' },
      ...DB_OPTION,
    },
    strict: true,
  });
  const projectId = values.project;
  if (!projectId) throw new UsageError('--project is required');
  const userId = values['user-id'];
  const anonymousId = values['anonymous-id'];
  if ((userId === undefined) === (anonymousId === undefined)) {
    throw new UsageError('give exactly one of --user-id or --anonymous-id');
  }
  if (userId === '' || anonymousId === '') throw new UsageError('the id must not be empty');
  const ref: PrivacySubjectRef = userId !== undefined ? { userId } : { anonymousId: anonymousId! };
  return { values, projectId, ref };
}
