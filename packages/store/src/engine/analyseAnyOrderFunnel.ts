import type { FunnelScratch, PersonFunnel } from './analyseFunnel.js';
import type { CompiledFunnel } from './compileFunnel.js';

const NOBODY: PersonFunnel = { reached: 0, startTime: NaN, first: -1, times: [], inProgress: false };

/**
 * A person's funnel in any order: a chain reaching step k is a touchpoint for each of
 * steps 1..k (one touchpoint may serve two steps it matches), all within `windowMs` of
 * the chain's first touchpoint, which is its anchor: the window starts there, `from`
 * and `to` bound it. Touchpoints at the same time count together.
 *
 * Each anchor time a (a touchpoint matching some step, in range) reaches the longest
 * prefix of steps all present in [a, a + windowMs], provided one of them is at a itself
 * (else the chain's anchor is later, and counted there). One pointer per step, moving
 * forward only, finds its first touchpoint at or after each anchor: linear in
 * touchpoints × steps. The anchor reaching furthest is used, the earliest among them;
 * step k is timed when the last of steps 1..k is first done.
 */
export function analyseAnyOrderFunnel(
  events: ReadonlyArray<number>,
  time: Float64Array,
  funnel: CompiledFunnel,
  scratch: FunnelScratch,
): PersonFunnel {
  const { stepCount, windowMs, from, to } = funnel;
  const masks = scratch.masksOf(events, funnel);
  const n = events.length;
  // Per step, the index of its first touchpoint at or after the anchor (n: none).
  const next = new Int32Array(stepCount);
  // Per level, the latest anchor reaching exactly it.
  const latestAt = new Float64Array(stepCount + 1).fill(-Infinity);
  let reached = 0;
  let best: { startTime: number; first: number; times: number[] } | undefined;
  let previous = NaN;
  for (let a = 0; a < n; a++) {
    const anchor = time[events[a]!]!;
    // Anchors at one time reach the same level: the first of them stands for all.
    if (masks[a] === 0 || anchor < from || anchor > to || anchor === previous) continue;
    previous = anchor;
    let present = 0;
    let atAnchor = false;
    const done: number[] = [];
    for (let k = 0; k < stepCount; k++) {
      let i = next[k]!;
      while (i < n && ((masks[i]! & (1 << k)) === 0 || time[events[i]!]! < anchor)) i++;
      next[k] = i;
      if (present === k && i < n && time[events[i]!]! - anchor <= windowMs) {
        present++;
        done.push(time[events[i]!]! - anchor);
        if (time[events[i]!] === anchor) atAnchor = true;
      }
    }
    const level = atAnchor ? present : 0;
    latestAt[level] = anchor;
    if (level > reached) {
      reached = level;
      for (let k = 1; k < done.length; k++) done[k] = Math.max(done[k]!, done[k - 1]!);
      best = { startTime: anchor, first: events[next[0]!]!, times: done.slice(0, level) };
    }
  }
  if (best === undefined) return NOBODY;
  const inProgress = reached < stepCount && latestAt[reached]! + windowMs > funnel.openUntil;
  return { reached, ...best, inProgress };
}
