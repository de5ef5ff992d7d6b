import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ComponentChildren } from 'preact';
import { useTRPC } from '../api/trpc.js';
import { useProjectTimeZone } from '../api/useProjectTimeZone.js';
import type { Annotation, Insight } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { getFrictionQuery } from '../friction/getFrictionQuery.js';
import { FunnelChart } from '../funnel/FunnelChart.js';
import { parseFunnelDefinition, toFunnelInput } from '../funnel/parseFunnelDefinition.js';
import { DailyChart } from '../overview/DailyChart.js';
import { getOverviewQuery } from '../overview/getOverviewQuery.js';
import { KpiTiles } from '../overview/KpiTiles.js';
import { parsePathsQuery, countPersonsOnPaths } from '../paths/parsePathsQuery.js';
import { PathList } from '../paths/PathList.js';
import { PathSankey } from '../paths/PathSankey.js';
import { parsePersonsFilter, toPersonsInput } from '../person/parsePersonsFilter.js';
import { PersonsTable } from '../person/PersonsTable.js';
import { getRetentionQuery } from '../retention/getRetentionQuery.js';
import { RetentionCurve } from '../retention/RetentionCurve.js';
import { toSegmentInput } from '../segments/segmentParams.js';
import { getStagesQuery } from '../stages/getStagesQuery.js';
import { StageColumns } from '../stages/StageColumns.js';
import { FrictionSummary } from './FrictionSummary.js';

interface FiguresProps {
  projectId: string;
  params: Record<string, string>;
  /** The project's annotations, for the time charts. */
  annotations: readonly Annotation[];
  /** The moment the dashboard was refreshed (ranges end today) and the project's zone (days follow it). */
  clock: { now: number; timeZone: string };
}

/** A tile's query: its figures once answered, a notice while counting or after a failure. */
function Answered<T, E>({
  query,
  children,
}: {
  query: UseQueryResult<T, E>;
  children: (data: T) => ComponentChildren;
}) {
  if (query.isPending)
    return (
      <p class="notice" role="status">
        Counting…
      </p>
    );
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

function OverviewTile({ projectId, params, annotations, clock }: FiguresProps) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.journeys.overview.queryOptions({ projectId, ...getOverviewQuery(params, clock) }),
  );
  return (
    <Answered query={query}>
      {(overview) => (
        <>
          <KpiTiles totals={overview.totals} />
          <DailyChart days={overview.days} annotations={annotations} />
        </>
      )}
    </Answered>
  );
}

function FunnelTile({ projectId, params, clock }: FiguresProps) {
  const trpc = useTRPC();
  const funnel = parseFunnelDefinition(params);
  const query = useQuery({
    ...trpc.journeys.funnel.queryOptions({
      ...toFunnelInput(projectId, funnel, clock),
      ...toSegmentInput(params),
    }),
    enabled: funnel.steps.length > 0,
  });
  if (funnel.steps.length === 0) return <p class="notice">This funnel has no step.</p>;
  return (
    <Answered query={query}>{(result) => <FunnelChart result={result} steps={funnel.steps} />}</Answered>
  );
}

function PathsTile({ projectId, params }: FiguresProps) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.journeys.paths.queryOptions({ projectId, ...parsePathsQuery(params), ...toSegmentInput(params) }),
  );
  return (
    <Answered query={query}>
      {(paths) => (
        <>
          <PathSankey paths={paths} />
          <PathList paths={paths.paths} total={countPersonsOnPaths(paths)} />
        </>
      )}
    </Answered>
  );
}

function JourneyMapTile({ projectId, params, clock }: FiguresProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.journeys.stages.queryOptions({ projectId, ...getStagesQuery(params, clock) }));
  return <Answered query={query}>{(stages) => <StageColumns {...stages} />}</Answered>;
}

function RetentionTile({ projectId, params, clock }: FiguresProps) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.journeys.retention.queryOptions({ projectId, ...getRetentionQuery(params, clock) }),
  );
  return <Answered query={query}>{(retention) => <RetentionCurve curve={retention.curve} />}</Answered>;
}

function FrictionTile({ projectId, params, clock }: FiguresProps) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.journeys.friction.queryOptions({ projectId, ...getFrictionQuery(params, clock) }),
  );
  return <Answered query={query}>{(friction) => <FrictionSummary friction={friction} />}</Answered>;
}

function PersonsTile({ projectId, params, clock }: FiguresProps) {
  const input = toPersonsInput(projectId, parsePersonsFilter(params), clock.timeZone);
  return <PersonsTable key={JSON.stringify(input)} input={input} />;
}

const FIGURES = {
  overview: OverviewTile,
  funnel: FunnelTile,
  paths: PathsTile,
  journeyMap: JourneyMapTile,
  persons: PersonsTile,
  retention: RetentionTile,
  friction: FrictionTile,
} as const satisfies Record<Insight['view'], unknown>;

/**
 * A saved insight's figures, compact, drawn with the components of its page from the
 * same query its page would run for the saved URL state (ranges end today).
 */
export function InsightFigures({
  insight,
  now,
  ...props
}: Omit<FiguresProps, 'params' | 'clock'> & { insight: Insight; now: number }) {
  const timeZone = useProjectTimeZone(props.projectId);
  const Figures = FIGURES[insight.view];
  // Days follow the project's zone: wait for it rather than count UTC days, then again.
  if (timeZone === undefined)
    return (
      <p class="notice" role="status">
        Counting…
      </p>
    );
  return <Figures {...props} clock={{ now, timeZone }} params={insight.params} />;
}
