import { useQuery } from '@tanstack/react-query';
import { getErrorCode } from '../api/getErrorCode.js';
import { useTRPC } from '../api/trpc.js';
import type { Project } from '../api/types.js';
import { can } from '../access/can.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { ExportPersonButton } from './ExportPersonButton.js';
import { describePersonLookup, type PersonLookup } from './getPersonLookup.js';
import { PersonProfileCard } from './PersonProfileCard.js';
import { PersonSummary } from './PersonSummary.js';
import { PersonTimeline } from './PersonTimeline.js';
import { toPersonInput } from './toPersonInput.js';

/** Fetches one person's timeline and shows it, or why it cannot be shown. */
export function PersonJourney({ project, lookup }: { project: Project; lookup: PersonLookup }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.journeys.person.queryOptions(toPersonInput(project.projectId, lookup)));

  if (query.isPending) {
    return (
      <p class="notice" role="status">
        Loading the journey of {describePersonLookup(lookup)}…
      </p>
    );
  }
  if (query.isError) {
    if (getErrorCode(query.error) === 'NOT_FOUND') {
      return (
        <p class="notice" role="status">
          No person with {describePersonLookup(lookup)} in {project.name}.
        </p>
      );
    }
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }

  const timeline = query.data;
  return (
    <>
      <PersonSummary projectId={project.projectId} timeline={timeline} lookup={lookup} />
      {can(project.role, 'readJourneys') && (
        <PersonProfileCard
          projectId={project.projectId}
          lookup={lookup}
          mayUnlink={can(project.role, 'unlinkIdentities')}
        />
      )}
      {can(project.role, 'handleRequests') && (
        <ExportPersonButton projectId={project.projectId} person={timeline.person} />
      )}
      {timeline.truncated && (
        <p class="notice" role="note">
          Showing the first {timeline.events.length.toLocaleString()} touchpoints only: this person has more.
        </p>
      )}
      <PersonTimeline events={timeline.events} />
    </>
  );
}
