import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import type { PageProps } from '../pages.js';
import { createPersonHash, getPersonLookup, type PersonLookup } from './getPersonLookup.js';
import { PersonJourney } from './PersonJourney.js';
import { PersonSearch } from './PersonSearch.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** Journeys: find a person by one of their ids and read their cross-channel timeline. */
export function PersonPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lookup = getPersonLookup(params);

  const onSearch = (next: PersonLookup) => {
    const hash = createPersonHash(project.projectId, next);
    // The same search again means "refresh": new touchpoints may have landed.
    if (hash === location.hash) void refetchAfterWrite(queryClient, trpc.journeys.person.pathFilter());
    else location.hash = hash;
  };

  return (
    <>
      <h1>Journeys</h1>
      <PersonSearch lookup={lookup} onSearch={onSearch} />
      {lookup ? (
        <PersonJourney key={`${lookup.kind}:${lookup.value}`} project={project} lookup={lookup} />
      ) : (
        <p class="muted">
          Look a person up by the user id your own systems give them (sent with <code>identify</code>), or by
          the anonymous id of one of their browsers or devices. Their touchpoints on every channel and device
          show as one timeline.
        </p>
      )}
    </>
  );
}
