import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { useTouchpointNamesQuery } from '../api/useTouchpointNames.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { ShareButton } from '../share/ShareButton.js';
import { DropoffList } from './DropoffList.js';
import { FunnelBreakdown } from './FunnelBreakdown.js';
import { FunnelChart } from './FunnelChart.js';
import { FunnelForm } from './FunnelForm.js';
import {
  createDefaultFunnel,
  createFunnelParams,
  parseDropoffStep,
  parseFunnelDefinition,
  toFunnelInput,
  type FunnelDefinition,
} from './parseFunnelDefinition.js';

/** The page path of funnels. */
export const FUNNEL_PATH = 'funnel';

/**
 * Funnels: how many persons go through the chosen steps in order within a window, where
 * they drop off, and who they are. The whole definition, and the drop-off list open,
 * live in the URL, so a funnel is shared by copying the address.
 */
export function FunnelPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const parsed = parseFunnelDefinition(params);
  // No step in the URL: start from the project's own touchpoints (none yet: an empty form).
  const names = useTouchpointNamesQuery(project.projectId);
  const funnel = parsed.steps.length > 0 ? parsed : createDefaultFunnel(names.data ?? []);
  const hasSteps = funnel.steps.length > 0;
  const funnelParams = createFunnelParams(funnel);
  const input = toFunnelInput(project.projectId, funnel, Date.now());
  const mayListDropoffs = can(project.role, 'listDropoffs');
  const dropoffStep = mayListDropoffs ? parseDropoffStep(params, funnel.steps.length) : undefined;
  const query = useQuery({ ...trpc.journeys.funnel.queryOptions(input), enabled: hasSteps });
  const hashOf = (next: Record<string, string>) => createProjectHash(project.projectId, FUNNEL_PATH, next);

  const onSubmit = (next: FunnelDefinition) => {
    const hash = hashOf(createFunnelParams(next));
    // The same funnel again means "refresh": touchpoints may have landed since.
    if (hash === hashOf(funnelParams)) void queryClient.invalidateQueries(trpc.journeys.pathFilter());
    else location.hash = hash;
  };
  const { projectId: _projectId, ...shareQuery } = input;

  return (
    <>
      <div class="page-head">
        <h1>Funnel</h1>
        {can(project.role, 'share') && (
          <ShareButton projectId={project.projectId} view="funnel" params={funnelParams} query={shareQuery} />
        )}
      </div>
      {/* Remount on a new definition (link, back button) so the form shows it. */}
      <FunnelForm
        key={JSON.stringify(funnelParams)}
        projectId={project.projectId}
        funnel={hasSteps ? funnel : { ...funnel, steps: [{ name: '' }] }}
        onSubmit={onSubmit}
      />
      {!hasSteps && names.isSuccess && (
        <p class="notice" role="status">
          Name the touchpoints of your funnel: the names {project.name} receives are suggested as you type.
        </p>
      )}
      {hasSteps && query.isPending && (
        <p class="notice" role="status">
          Following persons through {funnel.steps.length} steps…
        </p>
      )}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <section class="card" aria-label="Funnel result">
            <FunnelChart
              result={query.data}
              steps={funnel.steps}
              dropoffStep={dropoffStep}
              dropoffHref={
                mayListDropoffs ? (step) => hashOf({ ...funnelParams, dropoff: String(step) }) : undefined
              }
            />
          </section>
          {query.data.breakdown && funnel.breakdown && (
            <FunnelBreakdown breakdown={query.data.breakdown} by={funnel.breakdown} />
          )}
          {dropoffStep !== undefined && (
            <DropoffList
              key={dropoffStep}
              funnel={input}
              step={dropoffStep}
              closeHref={hashOf(funnelParams)}
            />
          )}
        </>
      )}
    </>
  );
}
