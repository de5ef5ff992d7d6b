import type { Insight } from '@parcours/store';
import type { z } from 'zod';
import type {
  cohortRetentionInput,
  frictionInput,
  funnelInput,
  overviewInput,
  pathsInput,
  personsInput,
  stagesInput,
} from '../routers/journeyInputs.js';

const HOUR = 3_600_000;
/** The funnel windows the dashboard offers (`?window=`), as the Funnel page reads them. */
const FUNNEL_WINDOWS: Record<string, number> = {
  '1h': HOUR,
  '1d': 24 * HOUR,
  '7d': 168 * HOUR,
  '30d': 720 * HOUR,
};
const MAX_FUNNEL_STEPS = 20;
const PATH_LIMITS = [10, 20, 50, 100];

type Range = { from: number; to: number };
type Without<T> = Omit<T, 'projectId'>;

/** The question a dashboard tile asks, over the report's range: what a report can draw. */
export type TileQuery =
  | { view: 'overview'; query: Without<z.input<typeof overviewInput>> }
  | { view: 'funnel'; query: Without<z.input<typeof funnelInput>> }
  | { view: 'paths'; query: Without<z.input<typeof pathsInput>> }
  | { view: 'journeyMap'; query: Without<z.input<typeof stagesInput>> }
  | { view: 'retention'; query: Without<z.input<typeof cohortRetentionInput>> }
  | { view: 'friction'; query: Without<z.input<typeof frictionInput>> }
  | { view: 'persons'; query: Without<z.input<typeof personsInput>> }
  | { view: 'elsewhere' };

const segmentOf = (params: Record<string, string>) => {
  const id = params['segment']?.trim();
  return id ? { segment: { id } } : {};
};

/**
 * A saved insight's question as the report asks it: its page's URL state (the same
 * parameters the dashboard's pages read: `step1`…, `window`, `order`; `start`, `end`,
 * `depth`, `limit`; `conversion`, `attribution`; `map`; `returning`; `support`;
 * `channel`, `stage`; `segment`) over the report's range instead of its own. A funnel
 * saved without steps answers `elsewhere`. The persons tile counts who was last seen
 * in the range: a report never lists person ids (it leaves Parcours by email).
 */
export function toTileQuery(insight: Pick<Insight, 'view' | 'params'>, range: Range): TileQuery {
  const { params } = insight;
  if (insight.view === 'overview') {
    const attribution = params['attribution'];
    const conversion = params['conversion']?.trim();
    return {
      view: 'overview',
      query: {
        ...range,
        ...(conversion ? { conversion: { name: conversion } } : {}),
        ...(attribution === 'first' || attribution === 'any' ? { attribution } : {}),
        ...segmentOf(params),
      },
    };
  }
  if (insight.view === 'funnel') {
    const steps = [];
    for (let index = 1; index <= MAX_FUNNEL_STEPS; index++) {
      const name = params[`step${index}`]?.trim();
      const channel = params[`channel${index}`]?.trim();
      if (name) steps.push(channel ? { name, channel } : { name });
    }
    if (steps.length === 0) return { view: 'elsewhere' };
    return {
      view: 'funnel',
      query: {
        steps,
        windowMs: FUNNEL_WINDOWS[params['window'] ?? ''] ?? FUNNEL_WINDOWS['30d']!,
        ...range,
        ...(params['order'] === 'any' ? { order: 'any' as const } : {}),
        ...segmentOf(params),
      },
    };
  }
  if (insight.view === 'paths') {
    const depth = Number(params['depth']);
    const limit = Number(params['limit']);
    const start = params['start']?.trim();
    const end = params['end']?.trim();
    return {
      view: 'paths',
      query: {
        ...(start ? { start } : {}),
        ...(end ? { end } : {}),
        depth: Number.isInteger(depth) && depth >= 1 && depth <= 20 ? depth : 5,
        limit: PATH_LIMITS.includes(limit) ? limit : 20,
        ...range,
        ...segmentOf(params),
      },
    };
  }
  if (insight.view === 'journeyMap') {
    const mapId = params['map']?.trim();
    return { view: 'journeyMap', query: { ...range, ...(mapId ? { mapId } : {}), ...segmentOf(params) } };
  }
  if (insight.view === 'retention') {
    const returning = params['returning']?.trim();
    return {
      view: 'retention',
      query: { ...range, ...(returning ? { returning: { name: returning } } : {}), ...segmentOf(params) },
    };
  }
  if (insight.view === 'friction') {
    const support = params['support']?.trim();
    return {
      view: 'friction',
      query: {
        ...range,
        ...(support ? { support: [{ name: support }] } : {}),
        limit: 10,
        ...segmentOf(params),
      },
    };
  }
  if (insight.view === 'persons') {
    const channel = params['channel']?.trim();
    const stage = params['stage']?.trim();
    return {
      view: 'persons',
      query: {
        ...(channel ? { channel } : {}),
        ...(stage ? { stage } : {}),
        lastSeen: range,
        limit: 1,
        ...segmentOf(params),
      },
    };
  }
  return { view: 'elsewhere' };
}
