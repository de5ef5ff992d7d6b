import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TableScroll } from '../components/TableScroll.js';
import { diffConsentConfigs } from './diffConsentConfigs.js';
import { privacyKey, usePrivacyClient } from './privacyApi.js';

/** One published version, cached for good: a version never changes. */
function useVersion(projectId: string, policyVersion: number) {
  const privacy = usePrivacyClient();
  const input = { projectId, policyVersion };
  return useQuery({
    queryKey: privacyKey('consentConfigVersion', input),
    queryFn: () => privacy.consentConfigVersion.query(input),
    staleTime: Infinity,
  });
}

/** Field by field, what differs from version `before` to version `after` (diffed here, in the browser). */
export function ConsentDiff({
  projectId,
  before,
  after,
}: {
  projectId: string;
  before: number;
  after: number;
}) {
  const older = useVersion(projectId, before);
  const newer = useVersion(projectId, after);
  const error = older.error ?? newer.error;
  if (error) return <ErrorNotice error={error} />;
  if (!older.data || !newer.data)
    return (
      <p class="notice" role="status">
        Loading versions {before} and {after}…
      </p>
    );
  const changes = diffConsentConfigs(older.data, newer.data);
  if (changes.length === 0)
    return (
      <p class="notice" role="status">
        {before === after
          ? `That is version ${before} twice: pick two different versions.`
          : `Versions ${before} and ${after} have the same settings.`}
      </p>
    );
  return (
    <TableScroll label={`Changes from version ${before} to ${after}`}>
      <table class="data-table consent-diff">
        <caption>
          {changes.length} {changes.length === 1 ? 'field changed' : 'fields changed'} from version {before}{' '}
          to {after}
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Version {before}</th>
            <th scope="col">Version {after}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.path}>
              <th scope="row">{change.label}</th>
              <td class="diff-before">{change.before}</td>
              <td class="diff-after">{change.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
