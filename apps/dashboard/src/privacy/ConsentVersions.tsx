import { useQuery } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { ConsentDiff } from './ConsentDiff.js';
import { formatHashPrefix, formatPublisher } from './formatPublisher.js';
import { privacyKey, usePrivacyClient } from './privacyApi.js';

/**
 * Every published version of the consent settings, newest first (number, time, who,
 * hash), and a picker of two of them to see what changed between them.
 */
export function ConsentVersions({ projectId }: { projectId: string }) {
  const privacy = usePrivacyClient();
  const input = { projectId };
  const versions = useQuery({
    queryKey: privacyKey('consentConfigVersions', input),
    queryFn: () => privacy.consentConfigVersions.query(input),
  });
  const [picked, setPicked] = useState<{ before?: number; after?: number }>({});
  const list = versions.data ?? [];
  // By default the newest version against the one before it.
  const after = picked.after ?? list[0]?.policyVersion;
  const before = picked.before ?? list[1]?.policyVersion ?? after;

  return (
    <section class="card" aria-labelledby="consent-versions-heading">
      <h2 id="consent-versions-heading">Published versions</h2>
      {versions.isPending && (
        <p class="notice" role="status">
          Loading the versions…
        </p>
      )}
      {versions.isError && <ErrorNotice error={versions.error} onRetry={() => void versions.refetch()} />}
      {list.length > 0 && (
        <TableScroll label="Table of published versions">
          <table class="data-table consent-versions">
            <caption>Versions of the consent settings, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Published</th>
                <th scope="col">By</th>
                <th scope="col">Config hash</th>
              </tr>
            </thead>
            <tbody>
              {list.map((version) => (
                <tr key={version.policyVersion}>
                  <th scope="row" class="num">
                    {version.policyVersion}
                  </th>
                  <td class="when">{formatDateTime(version.publishedAt)}</td>
                  <td>{formatPublisher(version.publishedBy)}</td>
                  <td>
                    <code title={version.configHash}>{formatHashPrefix(version.configHash)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {before !== undefined && after !== undefined && (
        <>
          <h3>What changed between two versions</h3>
          <form
            class="inline-form"
            aria-label="Versions to compare"
            onSubmit={(event) => event.preventDefault()}
          >
            {(['before', 'after'] as const).map((side) => (
              <div class="field" key={side}>
                <label for={`consent-compare-${side}`}>
                  {side === 'before' ? 'From version' : 'To version'}
                </label>
                <select
                  id={`consent-compare-${side}`}
                  value={String(side === 'before' ? before : after)}
                  onChange={(event) =>
                    setPicked({ before, after, [side]: Number(event.currentTarget.value) })
                  }
                >
                  {list.map((version) => (
                    <option key={version.policyVersion} value={String(version.policyVersion)}>
                      Version {version.policyVersion}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </form>
          <ConsentDiff projectId={projectId} before={before} after={after} />
        </>
      )}
    </section>
  );
}
