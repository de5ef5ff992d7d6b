import { useQuery } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../api/trpc.js';
import { useProjectTimeZone } from '../api/useProjectTimeZone.js';
import { DownloadCsvButton } from '../components/DownloadCsvButton.js';
import type { Project } from '../api/types.js';
import { createChangedHash, createProjectHash } from '../routing/resolveRoute.js';
import { PageSegmentPicker } from '../segments/SegmentPicker.js';
import { keepSegmentParams, SEGMENT_PARAM, toSegmentInput } from '../segments/segmentParams.js';
import { PERSON_PATH } from './getPersonLookup.js';
import { parsePersonsFilter, toPersonsInput, toPersonsParams } from './parsePersonsFilter.js';
import { PersonsFilters } from './PersonsFilters.js';
import { PersonsTable } from './PersonsTable.js';

/**
 * The persons list: search by id prefix or property value, filter by channel, stage
 * reached, first and last seen (days of the project's zone), sort; the filters live in the URL, so a search can be
 * shared and the back button returns to it from a person's page.
 */
export function PersonDirectory({ project, params }: { project: Project; params: Record<string, string> }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const filter = parsePersonsFilter(params);
  const map = useQuery(trpc.journeys.journeyMap.queryOptions({ projectId: project.projectId }));
  const timeZone = useProjectTimeZone(project.projectId);
  const input = { ...toPersonsInput(project.projectId, filter, timeZone), ...toSegmentInput(params) };
  return (
    <>
      <h1>Persons</h1>
      <PageSegmentPicker
        projectId={project.projectId}
        value={params[SEGMENT_PARAM]}
        hrefFor={(segmentId) =>
          createChangedHash(
            { projectId: project.projectId, path: PERSON_PATH, params },
            { [SEGMENT_PARAM]: segmentId },
          )
        }
      />
      <PersonsFilters
        key={JSON.stringify(filter)}
        filter={filter}
        stages={map.data ?? []}
        onSubmit={(next) => {
          location.hash = createProjectHash(project.projectId, PERSON_PATH, {
            ...toPersonsParams(next),
            ...keepSegmentParams(params),
          });
        }}
      />
      {timeZone !== undefined && (
        <>
          <PersonsTable key={JSON.stringify(input)} input={input} />
          {/* After the table: the count it announces stays the page's first status line. */}
          <DownloadCsvButton what="persons list" fetchCsv={() => client.exports.personsCsv.query(input)} />
        </>
      )}
    </>
  );
}
