import type { FunnelInput } from '../api/types.js';
import { RANGE_DAYS, type RangeDays } from '../overview/getDayRange.js';
import {
  getLastDays,
  getPreviousRange,
  parseDayRange,
  toRangeBounds,
  type DayRange,
} from '../time/dayRange.js';

const HOUR = 3_600_000;

/** The conversion windows offered: step k must follow step 1 within this long. */
export const FUNNEL_WINDOWS = {
  '1h': HOUR,
  '1d': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  '30d': 30 * 24 * HOUR,
} as const;
export type FunnelWindow = keyof typeof FUNNEL_WINDOWS;

/** The conversion windows in words. */
export const FUNNEL_WINDOW_LABELS: Record<FunnelWindow, string> = {
  '1h': '1 hour',
  '1d': '1 day',
  '7d': '7 days',
  '30d': '30 days',
};

/** Steps a funnel has at most, as the API allows. */
export const MAX_FUNNEL_STEPS = 20;

/** One step as the user defines it: a touchpoint name, optionally on one channel only. */
export interface FunnelStepDefinition {
  name: string;
  channel?: string;
}

/** A touchpoint that ends a chain between step `afterStep` and the next (1-based). */
export interface FunnelExclusionDefinition {
  name: string;
  channel?: string;
  afterStep: number;
}

/** A funnel as the page holds it and the URL carries it. */
export interface FunnelDefinition {
  steps: FunnelStepDefinition[];
  window: FunnelWindow;
  /** `any`: every step within the window, in any order; absent: in the order given. */
  order?: 'any';
  /** In the order given only; each after a step that has a next one. */
  exclusions?: FunnelExclusionDefinition[];
  /** Only persons whose step 1 is in the last `days` days of the project's zone; absent: all time. */
  days?: RangeDays;
  /** Only persons whose step 1 is on these dates (the project's zone); wins over `days`. */
  range?: DayRange;
  /** Also the funnel of the period of equal length before (`?period=previous`); needs a range. */
  compare?: true;
  /** `channel`, or a property of the step-1 touchpoint. */
  breakdown?: string;
}

/** A URL that names no step: no steps yet, a 30-day window (the page fills in {@link createDefaultFunnel}). */
export const DEFAULT_FUNNEL: FunnelDefinition = { steps: [], window: '30d' };

/** Steps a suggested funnel has at most. */
const SUGGESTED_STEPS = 5;

/**
 * What the funnel page opens with when the URL names no step: the project's own most
 * travelled touchpoints (as `collectTouchpointNames` orders them), at most five; none
 * for a project without touchpoints. Never another project's names.
 */
export function createDefaultFunnel(names: readonly string[]): FunnelDefinition {
  return { ...DEFAULT_FUNNEL, steps: names.slice(0, SUGGESTED_STEPS).map((name) => ({ name })) };
}

function isFunnelWindow(value: string | undefined): value is FunnelWindow {
  return value !== undefined && Object.hasOwn(FUNNEL_WINDOWS, value);
}

/** Exclusions a funnel has at most, as the API allows. */
export const MAX_FUNNEL_EXCLUSIONS = 20;

/** `exclude1`, `excludeChannel1`, `excludeAfter1`…: those after a step that has a next one. */
function parseExclusions(params: Record<string, string>, stepCount: number): FunnelExclusionDefinition[] {
  const exclusions: FunnelExclusionDefinition[] = [];
  for (let index = 1; index <= MAX_FUNNEL_EXCLUSIONS; index++) {
    const name = params[`exclude${index}`]?.trim();
    const channel = params[`excludeChannel${index}`]?.trim();
    const afterStep = Number(params[`excludeAfter${index}`]);
    if (!name || !Number.isInteger(afterStep) || afterStep < 1 || afterStep >= stepCount) continue;
    exclusions.push(channel ? { name, channel, afterStep } : { name, afterStep });
  }
  return exclusions;
}

/**
 * A funnel from a page's URL parameters: `step1`, `channel1`, `step2`… `window`, `days`,
 * `breakdown`, `order=any`, `exclude1`, `excludeChannel1`, `excludeAfter1`… Readable when
 * shared (`#/funnel?step1=%2F&step2=Signed+up&window=7d`), and a flat parameter a step
 * because the router keeps one value per key. Blank steps are skipped; a URL with no
 * step gives {@link DEFAULT_FUNNEL}, unknown values their default; exclusions are
 * dropped in any order, and those after the last step.
 */
export function parseFunnelDefinition(params: Record<string, string>): FunnelDefinition {
  const steps: FunnelStepDefinition[] = [];
  for (let index = 1; index <= MAX_FUNNEL_STEPS; index++) {
    const name = params[`step${index}`]?.trim();
    const channel = params[`channel${index}`]?.trim();
    if (name) steps.push(channel ? { name, channel } : { name });
  }
  if (steps.length === 0) return DEFAULT_FUNNEL;
  const window = params['window'];
  const days = Number(params['days']);
  const breakdown = params['breakdown']?.trim();
  const any = params['order'] === 'any';
  const exclusions = any ? [] : parseExclusions(params, steps.length);
  const range = parseDayRange(params);
  return {
    steps,
    window: isFunnelWindow(window) ? window : DEFAULT_FUNNEL.window,
    ...(range !== undefined
      ? { range }
      : (RANGE_DAYS as readonly number[]).includes(days)
        ? { days: days as RangeDays }
        : {}),
    ...(params['period'] === 'previous' ? { compare: true as const } : {}),
    ...(breakdown ? { breakdown } : {}),
    ...(any ? { order: 'any' as const } : {}),
    ...(exclusions.length > 0 ? { exclusions } : {}),
  };
}

/** The URL parameters of a funnel: the inverse of {@link parseFunnelDefinition}. */
export function createFunnelParams(funnel: FunnelDefinition): Record<string, string> {
  const params: Record<string, string> = {};
  funnel.steps.forEach((step, index) => {
    params[`step${index + 1}`] = step.name;
    if (step.channel) params[`channel${index + 1}`] = step.channel;
  });
  params['window'] = funnel.window;
  if (funnel.range !== undefined) Object.assign(params, funnel.range);
  else if (funnel.days !== undefined) params['days'] = String(funnel.days);
  if (funnel.compare) params['period'] = 'previous';
  if (funnel.breakdown) params['breakdown'] = funnel.breakdown;
  if (funnel.order === 'any') params['order'] = 'any';
  funnel.exclusions?.forEach((exclusion, index) => {
    params[`exclude${index + 1}`] = exclusion.name;
    if (exclusion.channel) params[`excludeChannel${index + 1}`] = exclusion.channel;
    params[`excludeAfter${index + 1}`] = String(exclusion.afterStep);
  });
  return params;
}

/** The days step 1 must be on: the custom dates, the last `days` days, or none (all time). */
export function getFunnelRange(
  funnel: FunnelDefinition,
  clock: { now: number; timeZone: string },
): DayRange | undefined {
  return funnel.range ?? (funnel.days === undefined ? undefined : getLastDays(funnel.days, clock));
}

/**
 * The `journeys.funnel` input of a funnel; `clock` places its range in whole days of
 * the project's zone (so the key is stable all day).
 */
export function toFunnelInput(
  projectId: string,
  funnel: FunnelDefinition,
  clock: { now: number; timeZone: string },
): FunnelInput {
  const range = getFunnelRange(funnel, clock);
  return {
    projectId,
    steps: funnel.steps.map((step) =>
      step.channel ? { name: step.name, channel: step.channel } : { name: step.name },
    ),
    windowMs: FUNNEL_WINDOWS[funnel.window],
    ...(range === undefined ? {} : toRangeBounds(range, clock.timeZone)),
    ...(funnel.breakdown ? { breakdown: funnel.breakdown } : {}),
    ...(funnel.order === 'any' ? { order: 'any' as const } : {}),
    ...(funnel.exclusions?.length ? { exclusions: funnel.exclusions.map(toExclusionInput) } : {}),
  };
}

/**
 * The same funnel over the period of equal length before its range, when it asks for
 * the comparison and has a range (all time has no previous period).
 */
export function toPreviousFunnel(
  funnel: FunnelDefinition,
  clock: { now: number; timeZone: string },
): FunnelDefinition | undefined {
  const range = getFunnelRange(funnel, clock);
  if (!funnel.compare || range === undefined) return undefined;
  const { days: _days, compare: _compare, ...rest } = funnel;
  return { ...rest, range: getPreviousRange(range) };
}

function toExclusionInput({ name, channel, afterStep }: FunnelExclusionDefinition) {
  return channel ? { name, channel, afterStep } : { name, afterStep };
}

/**
 * The step whose drop-offs are listed (`?dropoff=3`: reached step 2, not step 3), when
 * it is a step of the funnel that can be missed (2 to the number of steps).
 */
export function parseDropoffStep(params: Record<string, string>, stepCount: number): number | undefined {
  const step = Number(params['dropoff']);
  return Number.isInteger(step) && step >= 2 && step <= stepCount ? step : undefined;
}

/**
 * The drivers asked for (`?drivers=2&driversProperty=plan`): from step 2 to 3, with
 * the values of `plan` among the candidates. Step 1 unless the URL names another step
 * that has a next one; none for a funnel of one step.
 */
export function parseDriversChoice(
  params: Record<string, string>,
  stepCount: number,
): { step: number; property?: string } | undefined {
  if (stepCount < 2) return undefined;
  const step = Number(params['drivers']);
  const property = params['driversProperty']?.trim();
  return {
    step: Number.isInteger(step) && step >= 1 && step < stepCount ? step : 1,
    ...(property ? { property } : {}),
  };
}
