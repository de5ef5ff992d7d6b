import type {
  CohortRetentionResult,
  FrictionResult,
  FunnelResult,
  OverviewResult,
  PathsResult,
  ReportBrand,
  StagesResult,
} from '@parcours/store';
import { escapeHtml } from '../html/escapeHtml.js';

/** What a report shows: the brand, the range, and the figures as the API answered them. */
export interface ReportFacts {
  brand: ReportBrand;
  projectName: string;
  /** Inclusive bounds, epoch ms. */
  range: { from: number; to: number };
  overview: OverviewResult;
  /** The funnel's steps and its answer, when the report has one. */
  funnel?: { result: FunnelResult } | undefined;
}

const formatDay = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
const formatCount = (n: number) => n.toLocaleString('en-US');
const formatPercent = (share: number) => `${(share * 100).toFixed(1)}%`;

function renderFigure(label: string, value: string): string {
  return `<div class="figure"><div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div></div>`;
}

function renderFigures({ totals }: OverviewResult): string {
  return `<div class="figures">${[
    renderFigure('Touchpoints', formatCount(totals.events)),
    renderFigure('Persons', formatCount(totals.persons)),
    renderFigure('Conversions', formatCount(totals.conversions)),
    renderFigure('NPS', totals.nps === null ? '—' : String(totals.nps)),
  ].join('')}</div>`;
}

function renderFunnelTable({ steps }: FunnelResult): string {
  const rows = steps
    .map(
      (step, index) =>
        `<tr><td>${index + 1}. ${escapeHtml(step.name)}</td><td class="num">${formatCount(step.count)}</td>` +
        `<td class="num">${formatPercent(step.conversionRate)}</td><td class="num">${formatCount(step.dropOff)}</td>` +
        `<td class="bar"><span style="width:${(step.conversionRate * 100).toFixed(1)}%"></span></td></tr>`,
    )
    .join('');
  return (
    `<table><thead><tr><th>Step</th><th class="num">Persons</th>` +
    `<th class="num">Conversion</th><th class="num">Dropped off</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function renderPaths({ paths }: PathsResult): string {
  const rows = paths
    .map(
      (path) =>
        `<tr><td>${path.steps.map(escapeHtml).join(' → ')}</td><td class="num">${formatCount(path.count)}</td>` +
        `<td class="num">${formatCount(path.left)}</td></tr>`,
    )
    .join('');
  return (
    `<table><thead><tr><th>Path</th><th class="num">Persons</th><th class="num">Left after it</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}

function renderTable(head: string[], rows: string[][], numeric: (column: number) => boolean): string {
  const cell = (tag: string, column: number, text: string) =>
    `<${tag}${numeric(column) ? ' class="num"' : ''}>${text}</${tag}>`;
  const headRow = head.map((text, column) => cell('th', column, escapeHtml(text))).join('');
  const body = rows.map((row) => `<tr>${row.map((text, column) => cell('td', column, text)).join('')}</tr>`);
  return `<table><thead><tr>${headRow}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

const formatShare = (share: number | null) => (share === null ? '—' : formatPercent(share));
const formatHours = (ms: number) => `${(ms / 3_600_000).toFixed(1)} h`;

function renderStages({ stages }: StagesResult): string {
  return renderTable(
    ['Stage', 'Persons', 'From the stage before', 'NPS after it', 'CSAT after it'],
    stages.map((stage) => [
      escapeHtml(stage.name),
      formatCount(stage.persons),
      formatShare(stage.conversionFromPrevious),
      stage.feedback.nps === null ? '—' : String(stage.feedback.nps),
      stage.csat.satisfied === null ? '—' : `${stage.csat.satisfied.toFixed(1)}%`,
    ]),
    (column) => column > 0,
  );
}

/** The retention curve, week by week after the first touch (the first 13 weeks). */
function renderRetention({ curve }: CohortRetentionResult): string {
  return renderTable(
    ['Week after the first touch', 'Persons', 'Came back', 'Share'],
    curve
      .slice(0, 13)
      .map((point) => [
        String(point.week),
        formatCount(point.persons),
        formatCount(point.returned),
        formatShare(point.share),
      ]),
    (column) => column > 0,
  );
}

/** Friction's three lists, counts only: which persons is for the dashboard, not a report. */
function renderFriction({ loops, repeatedContacts, longWaits }: FrictionResult): string {
  const none = (what: string) => `<p class="range">No ${what} in the range.</p>`;
  const count = (column: number) => column > 0;
  return [
    '<h3>Loops</h3>',
    loops.length === 0
      ? none('loop')
      : renderTable(
          ['Loop', 'Persons', 'Times'],
          loops.map((l) => [
            [l.from, l.via, l.from].map(escapeHtml).join(' → '),
            formatCount(l.persons),
            formatCount(l.occurrences),
          ]),
          count,
        ),
    '<h3>Repeated contacts (7 days)</h3>',
    repeatedContacts.length === 0
      ? none('repeated contact')
      : renderTable(
          ['Touchpoint', 'Persons', 'Repeats'],
          repeatedContacts.map((r) => [
            escapeHtml(r.channel ? `${r.name} (${r.channel})` : r.name),
            formatCount(r.persons),
            formatCount(r.occurrences),
          ]),
          count,
        ),
    '<h3>Long waits (above the 90th percentile)</h3>',
    longWaits.length === 0
      ? none('long wait')
      : renderTable(
          ['Between', 'Persons', '90th percentile'],
          longWaits.map((w) => [
            `${escapeHtml(w.from)} → ${escapeHtml(w.to)}`,
            formatCount(w.persons),
            formatHours(w.p90Ms),
          ]),
          count,
        ),
  ].join('');
}

function renderPersons(total: number, filter: { channel?: string | undefined; stage?: string | undefined }) {
  const conditions = [
    filter.channel && `came through ${filter.channel}`,
    filter.stage && `reached ${filter.stage}`,
  ].filter(Boolean);
  const label = `Persons last seen in the range${conditions.length > 0 ? `, who ${conditions.join(' and ')}` : ''}`;
  return `<div class="figures">${renderFigure(label, formatCount(total))}</div>`;
}

/** One tile of a dashboard as its report shows it: its name and the figures of its view. */
export type ReportTile = { name: string } & (
  | { view: 'overview'; result: OverviewResult }
  | { view: 'funnel'; result: FunnelResult }
  | { view: 'paths'; result: PathsResult }
  | { view: 'journeyMap'; result: StagesResult }
  | { view: 'retention'; result: CohortRetentionResult }
  | { view: 'friction'; result: FrictionResult }
  | { view: 'persons'; total: number; filter: { channel?: string | undefined; stage?: string | undefined } }
  | { view: 'elsewhere'; title: string }
);

function renderTile(tile: ReportTile): string {
  const heading = `<h2>${escapeHtml(tile.name)}</h2>`;
  switch (tile.view) {
    case 'overview':
      return `<section>${heading}${renderFigures(tile.result)}</section>`;
    case 'funnel':
      return `<section>${heading}${renderFunnelTable(tile.result)}</section>`;
    case 'paths':
      return `<section>${heading}${renderPaths(tile.result)}</section>`;
    case 'journeyMap':
      return `<section>${heading}${renderStages(tile.result)}</section>`;
    case 'retention':
      return `<section>${heading}${renderRetention(tile.result)}</section>`;
    case 'friction':
      return `<section>${heading}${renderFriction(tile.result)}</section>`;
    case 'persons':
      return `<section>${heading}${renderPersons(tile.total, tile.filter)}</section>`;
    case 'elsewhere':
      return `<section>${heading}<p class="range">${escapeHtml(tile.title)}: open the dashboard in Parcours for this view.</p></section>`;
  }
}

function renderStyle({ primaryColor, accentColor }: ReportBrand): string {
  return `
@page { size: A4; margin: 16mm; }
body { font: 11pt/1.45 "DejaVu Sans", system-ui, sans-serif; color: #111; margin: 0; }
header { display: flex; align-items: center; gap: 12mm; border-bottom: 2mm solid ${primaryColor}; padding-bottom: 4mm; }
header img { width: 40mm; height: 40mm; object-fit: contain; }
h1 { color: ${primaryColor}; font-size: 22pt; margin: 0; } h2 { color: ${primaryColor}; font-size: 14pt; margin: 8mm 0 3mm; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; } section { break-inside: avoid; }
.range { color: #444; margin: 1mm 0 0; }
.figures { display: flex; gap: 6mm; } .figure { flex: 1; border: 0.4mm solid ${accentColor}; border-radius: 2mm; padding: 3mm; }
.figure .value { font-size: 18pt; font-weight: 700; color: ${accentColor}; } .figure .label { color: #444; }
table { border-collapse: collapse; width: 100%; } th, td { padding: 1.5mm 2mm; border-bottom: 0.3mm solid #ccc; text-align: left; }
.dashboard { font-size: 13pt; font-weight: 700; margin: 4mm 0 0; }
.num { text-align: right; } .bar { width: 35%; } .bar span { display: block; height: 4mm; background: ${accentColor}; }
`;
}

/**
 * A report as one self-contained HTML page for Chromium to print: the project's logo,
 * title and colours, the range, the overview's figures and the funnel's steps. No
 * script, no external resource (the logo is a data URL); every text is escaped, and
 * colours are checked `#rrggbb` by the API before they reach the style sheet.
 */
export function renderReportHtml(facts: ReportFacts): string {
  return renderDocument(
    facts,
    `<section><h2>Overview</h2>${renderFigures(facts.overview)}</section>
${facts.funnel ? `<section><h2>Funnel</h2>${renderFunnelTable(facts.funnel.result)}</section>` : ''}`,
  );
}

/**
 * The report of a dashboard: the same branded first page (logo, title, project and
 * range), the dashboard's name, then each tile in the dashboard's order with the
 * figures of its view over the report's range.
 */
export function renderDashboardReportHtml(
  facts: Omit<ReportFacts, 'overview' | 'funnel'> & { dashboardName: string; tiles: ReportTile[] },
): string {
  return renderDocument(
    facts,
    `<p class="dashboard">Dashboard: ${escapeHtml(facts.dashboardName)}</p>\n${facts.tiles.map(renderTile).join('\n')}`,
  );
}

function renderDocument(facts: Pick<ReportFacts, 'brand' | 'projectName' | 'range'>, body: string): string {
  const { brand, range } = facts;
  const logo = brand.logoDataUrl === null ? '' : `<img alt="" src="${escapeHtml(brand.logoDataUrl)}">`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(brand.title)}</title>
<style>${renderStyle(brand)}</style></head><body>
<header>${logo}<div><h1>${escapeHtml(brand.title)}</h1>
<p class="range">${escapeHtml(facts.projectName)} · ${formatDay(range.from)} to ${formatDay(range.to)} (UTC)</p></div></header>
${body}
</body></html>`;
}
