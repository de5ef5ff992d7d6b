import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PeriodControls } from '../components/PeriodControls.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';
import { formatShortDay } from '../format/formatShortDay.js';
import type { PageProps } from '../pages.js';
import { createChangedHash } from '../routing/resolveRoute.js';
import { describeRange } from '../time/describeRange.js';
import { usePagePeriod } from '../time/usePagePeriod.js';
import { ConsentRatesTable } from './ConsentRatesTable.js';
import { describeLanguage, describePolicyVersion, getConsentShares } from './getConsentShares.js';
import { CONSENT_ANALYTICS_PATH } from './privacyPaths.js';
import { privacyKey, usePrivacyClient } from './privacyApi.js';

/**
 * Owners and privacy officers: how visitors choose, from the consent ledger alone
 * (`privacy.consentStats`): acceptance, refusal and custom-choice rates in total, per
 * policy version, per language and per day, and the share made with GPC on. The
 * dashboard adds no tracking of its own: one query, the range in the URL (`?days=` or
 * `?from=&to=`, days of the project's zone).
 */
export function ConsentAnalyticsPage({ project, params }: PageProps) {
  const privacy = usePrivacyClient();
  const { ready, timeZone, period, bounds } = usePagePeriod(project.projectId, params);
  const input = { projectId: project.projectId, ...bounds };
  const stats = useQuery({
    queryKey: privacyKey('consentStats', input),
    queryFn: () => privacy.consentStats.query(input),
    enabled: ready,
  });
  const totals = stats.data ? getConsentShares(stats.data.totals) : undefined;

  return (
    <>
      <div class="page-head">
        <h1>Consent analytics</h1>
      </div>
      <PeriodControls
        period={period}
        timeZone={timeZone}
        hrefFor={(changes) =>
          createChangedHash({ projectId: project.projectId, path: CONSENT_ANALYTICS_PATH, params }, changes)
        }
      />
      <p class="help">
        Counted from the consent ledger: each decision once, as it was recorded. Visitors who closed or
        ignored the banner made no decision and are not counted.
      </p>
      {stats.isPending && (
        <p class="notice" role="status">
          Counting the decisions…
        </p>
      )}
      {stats.isError && <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.data && totals && (
        <>
          <dl class="kpis consent-kpis">
            {[
              { label: 'Decisions', value: formatCount(totals.decisions) },
              { label: 'Accepted all', value: formatPercent(totals.acceptAll) },
              { label: 'Custom choice', value: formatPercent(totals.custom) },
              { label: 'Refused all', value: formatPercent(totals.refuseAll) },
              { label: 'Made with GPC on', value: formatPercent(totals.gpc) },
            ].map((tile) => (
              <div key={tile.label} class="kpi">
                <dt>{tile.label}</dt>
                <dd>
                  <span class="kpi-value">{tile.value}</span>
                </dd>
              </div>
            ))}
          </dl>
          {totals.decisions === 0 ? (
            <p class="notice">No consent decision was recorded over {describeRange(period.range)}.</p>
          ) : (
            <>
              <ul class="legend split-legend">
                <li class="legend-acceptAll">Accepted all</li>
                <li class="legend-custom">Custom choice</li>
                <li class="legend-refuseAll">Refused all</li>
                <li class="legend-other">Other (withdrawals, re-consents, GPC defaults)</li>
              </ul>
              <ConsentRatesTable
                caption="Decisions per policy version"
                groupHeading="Policy version"
                rows={stats.data.byVersion.map((group) => ({
                  label: describePolicyVersion(group.policyVersion),
                  rates: group,
                }))}
              />
              <ConsentRatesTable
                caption="Decisions per language"
                groupHeading="Language"
                rows={stats.data.byLanguage.map((group) => ({
                  label: describeLanguage(group.language),
                  rates: group,
                }))}
              />
              <ConsentRatesTable
                caption="Decisions per day (UTC)"
                groupHeading="Day"
                rows={stats.data.byDay.map((group) => ({ label: formatShortDay(group.day), rates: group }))}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
