import { getZoneCalendar, parseDay, type Annotation, type Store, type StagesResult } from '@parcours/store';

/** An inclusive range of epoch ms, as the journey queries take it. */
export interface Period {
  from: number;
  to: number;
}

/** One period's figures for the annotation's touchpoint. */
export interface PeriodFigures extends Period {
  /** Persons who had the touchpoint (0 when it is not on the journey map). */
  persons: number;
  /** Share of those persons who did nothing after it (0–1); null when it is not on the map. */
  exitRate: number | null;
  /** NPS after the touchpoint, −100 to 100; null without responses. */
  nps: number | null;
  /** Persons who converted over persons seen, project-wide (the overview's conversion); null with nobody. */
  conversionRate: number | null;
  /** The period has ended: its figures will not move. */
  complete: boolean;
}

/**
 * The equal periods either side of an annotation: the `days` days before its first day,
 * and the `days` days after its last (the annotated days themselves, when the change
 * happened, belong to neither), as days of the project's zone (a day of a
 * daylight-saving change is 23 or 25 hours long).
 */
export function getAnnotationPeriods(
  annotation: Pick<Annotation, 'fromDay' | 'toDay'>,
  days: number,
  timeZone?: string,
) {
  const calendar = getZoneCalendar(timeZone);
  const first = parseDay(annotation.fromDay)!;
  const last = parseDay(annotation.toDay)!;
  const start = (day: number) => calendar.getDayStart(day);
  return {
    before: { from: start(first - days), to: start(first) - 1 },
    after: { from: start(last + 1), to: start(last + 1 + days) - 1 },
  };
}

/** The touchpoint's stats on the journey map (all channels: the first, channel-free, entry). */
function findTouchpoint(stages: StagesResult, name: string) {
  const all = stages.stages.flatMap((stage) => stage.touchpoints).filter((t) => t.name === name);
  return all.find((t) => t.channel === null) ?? all[0];
}

async function getPeriodFigures(
  store: Store,
  projectId: string,
  query: { period: Period; touchpoint: string; now: number },
): Promise<PeriodFigures> {
  const { period, touchpoint, now } = query;
  const [stages, overview] = await Promise.all([
    store.getStages(projectId, period),
    store.getOverview(projectId, period),
  ]);
  const stats = findTouchpoint(stages, touchpoint);
  const { persons, conversions } = overview.totals;
  return {
    ...period,
    persons: stats?.persons ?? 0,
    exitRate: stats?.exitRate ?? null,
    nps: stats?.nps ?? null,
    conversionRate: persons === 0 ? null : conversions / persons,
    complete: period.to < now,
  };
}

/**
 * Before and after an annotation tied to a touchpoint, over equal periods: the
 * touchpoint's exit rate and NPS (the journey map's stages query) and the conversion
 * rate (the overview), each the engine's own answer for that period. Days are the
 * project's (`timeZone`, default UTC).
 */
export async function compareAnnotation(
  store: Store,
  annotation: Annotation & { touchpoint: string },
  days: number,
  timeZone?: string,
) {
  const { before, after } = getAnnotationPeriods(annotation, days, timeZone);
  const now = Date.now();
  const figures = (period: Period) =>
    getPeriodFigures(store, annotation.projectId, { period, touchpoint: annotation.touchpoint, now });
  return {
    touchpoint: annotation.touchpoint,
    days,
    before: await figures(before),
    after: await figures(after),
  };
}
