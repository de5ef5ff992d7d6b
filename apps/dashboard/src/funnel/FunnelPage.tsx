import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../access/can.js';
import { useAnnotations } from '../annotations/useAnnotations.js';
import { useTRPC, useTRPCClient } from '../api/trpc.js';
import { DownloadCsvButton } from '../components/DownloadCsvButton.js';
import { useTouchpointNamesQuery } from '../api/useTouchpointNames.js';
import { useProjectTimeZone } from '../api/useProjectTimeZone.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PeriodControls } from '../components/PeriodControls.js';
import { getLastDays } from '../time/dayRange.js';
import type { PageProps } from '../pages.js';
import { createChangedHash, createProjectHash } from '../routing/resolveRoute.js';
import { ShareButton } from '../share/ShareButton.js';
import { DropoffList } from './DropoffList.js';
import { FunnelBreakdown } from './FunnelBreakdown.js';
import { FunnelChart } from './FunnelChart.js';
import { FunnelComparison } from './FunnelComparison.js';
import { FunnelPeriodComparison } from './FunnelPeriodComparison.js';
import { FunnelDrivers, type DriversChoice } from './FunnelDrivers.js';
import { FunnelForm } from './FunnelForm.js';
import { FUNNEL_PATH } from './funnelPath.js';
import { FunnelSettingsList } from './FunnelSettingsList.js';
import { FunnelWeeks } from './FunnelWeeks.js';
import {
  createDefaultFunnel,
  createFunnelParams,
  getFunnelRange,
  parseDriversChoice,
  parseDropoffStep,
  parseFunnelDefinition,
  toFunnelInput,
  toPreviousFunnel,
  type FunnelDefinition,
} from './parseFunnelDefinition.js';
import { TimeToConvert } from './TimeToConvert.js';
import { SegmentPairPicker } from '../segments/SegmentPairPicker.js';
import { useSegmentNames } from '../segments/useSegmentNames.js';
import {
  COMPARE_PARAM,
  keepSegmentParams,
  SEGMENT_PARAM,
  toSegmentInput,
} from '../segments/segmentParams.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * Funnels: how many persons go through the chosen steps (in order, or in any order)
 * within a window, where they drop off (still in their window, or abandoned), how
 * conversion moves week by week, how long it takes, what goes with converting, and who
 * dropped off; over all time, the last days or custom dates (days of the project's
 * zone), optionally beside the previous period of equal length. The whole definition,
 * the drivers asked for and the drop-off list open live in the URL, so a funnel is
 * shared by copying the address.
 */
export function FunnelPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const parsed = parseFunnelDefinition(params);
  // No step in the URL: start from the project's own touchpoints (none yet: an empty form).
  const names = useTouchpointNamesQuery(project.projectId);
  const funnel = parsed.steps.length > 0 ? parsed : createDefaultFunnel(names.data ?? []);
  const hasSteps = funnel.steps.length > 0;
  // The segments (`?segment=`, `?compare=`) stay when the definition changes.
  const segmentParams = keepSegmentParams(params);
  const funnelParams = { ...createFunnelParams(funnel), ...segmentParams };
  const timeZone = useProjectTimeZone(project.projectId);
  const clock = { now: Date.now(), timeZone: timeZone ?? 'UTC' };
  const plainInput = toFunnelInput(project.projectId, funnel, clock);
  const input = { ...plainInput, ...toSegmentInput(params) };
  const compareInput = params[COMPARE_PARAM]
    ? { ...plainInput, ...toSegmentInput(params, COMPARE_PARAM) }
    : undefined;
  const range = getFunnelRange(funnel, clock);
  const previousFunnel = toPreviousFunnel(funnel, clock);
  const mayListDropoffs = can(project.role, 'listDropoffs');
  const dropoffStep = mayListDropoffs ? parseDropoffStep(params, funnel.steps.length) : undefined;
  const drivers = parseDriversChoice(params, funnel.steps.length);
  const ready = hasSteps && timeZone !== undefined;
  const query = useQuery({ ...trpc.journeys.funnel.queryOptions(input), enabled: ready });
  const compared = useQuery({
    ...trpc.journeys.funnel.queryOptions(compareInput ?? input),
    enabled: ready && compareInput !== undefined,
  });
  const previousInput = previousFunnel && {
    ...toFunnelInput(project.projectId, previousFunnel, clock),
    ...toSegmentInput(params),
  };
  const previous = useQuery({
    ...trpc.journeys.funnel.queryOptions(previousInput ?? input),
    enabled: ready && previousInput !== undefined,
  });
  const nameOf = useSegmentNames(project.projectId, params);
  const annotations = useAnnotations(project.projectId);
  const hashOf = (next: Record<string, string>) => createProjectHash(project.projectId, FUNNEL_PATH, next);

  const onSubmit = (next: FunnelDefinition) => {
    const hash = hashOf({ ...createFunnelParams(next), ...segmentParams });
    // The same funnel again means "refresh": touchpoints may have landed since.
    if (hash === hashOf(funnelParams)) void refetchAfterWrite(queryClient, trpc.journeys.pathFilter());
    else location.hash = hash;
  };
  const { projectId: _projectId, ...shareQuery } = input;
  const onChooseDrivers = ({ step, property }: DriversChoice) => {
    const next: Record<string, string> = { ...params, drivers: String(step) };
    if (property) next['driversProperty'] = property;
    else delete next['driversProperty'];
    location.hash = hashOf(next);
  };

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
      <SegmentPairPicker
        idPrefix="funnel"
        projectId={project.projectId}
        segment={params[SEGMENT_PARAM]}
        compare={params[COMPARE_PARAM]}
        hrefFor={(changes) =>
          createChangedHash(
            { projectId: project.projectId, path: FUNNEL_PATH, params: funnelParams },
            changes,
          )
        }
      />
      {hasSteps && (
        <PeriodControls
          period={{
            days: funnel.days,
            custom: funnel.range,
            range: range ?? getLastDays(30, clock),
            previous: previousFunnel?.range,
          }}
          timeZone={clock.timeZone}
          hrefFor={(changes) =>
            createChangedHash(
              { projectId: project.projectId, path: FUNNEL_PATH, params: funnelParams },
              changes,
            )
          }
          allowCompare={range !== undefined}
          showPresets={false}
        />
      )}
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
            <DownloadCsvButton
              what="funnel steps"
              fetchCsv={() => client.exports.funnelStepsCsv.query(input)}
            />
            <FunnelChart
              result={query.data}
              steps={funnel.steps}
              dropoffStep={dropoffStep}
              dropoffHref={
                mayListDropoffs ? (step) => hashOf({ ...funnelParams, dropoff: String(step) }) : undefined
              }
            />
          </section>
          {compared.isError && <ErrorNotice error={compared.error} onRetry={() => void compared.refetch()} />}
          {compareInput !== undefined && compared.data && (
            <FunnelComparison
              labels={[nameOf(SEGMENT_PARAM), nameOf(COMPARE_PARAM)]}
              results={[query.data, compared.data]}
            />
          )}
          {previousFunnel?.range && range && previous.data && (
            <FunnelPeriodComparison
              current={query.data.steps}
              previous={previous.data.steps}
              ranges={{ current: range, previous: previousFunnel.range }}
            />
          )}
          {previous.isError && <ErrorNotice error={previous.error} onRetry={() => void previous.refetch()} />}
          <FunnelSettingsList settings={query.data.settings} />
          <div class="funnel-figures">
            <FunnelWeeks weeks={query.data.overTime} annotations={annotations} />
            <TimeToConvert buckets={query.data.timeToConvert} />
          </div>
          {drivers && <FunnelDrivers funnel={input} choice={drivers} onChoose={onChooseDrivers} />}
          {query.data.breakdown && funnel.breakdown && (
            <>
              <DownloadCsvButton
                what="funnel breakdown"
                fetchCsv={() => client.exports.funnelBreakdownCsv.query(input)}
              />
              <FunnelBreakdown breakdown={query.data.breakdown} by={funnel.breakdown} />
            </>
          )}
          {dropoffStep !== undefined && (
            <DropoffList
              key={dropoffStep}
              funnel={input}
              step={dropoffStep}
              closeHref={hashOf(funnelParams)}
              maySend={can(project.role, 'sendWebhooks')}
            />
          )}
        </>
      )}
    </>
  );
}
