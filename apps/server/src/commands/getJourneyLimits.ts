import type { JourneyEngineOptions } from '@parcours/store';

/**
 * The journey engine's share of the process's memory ceiling: its thread's heap
 * (identities and per-person lists) at most half of it, its property columns at most
 * 15%. The collector sheds from 85% of the ceiling (resident memory, both threads
 * together); these bounds keep the engine from ever being what crosses it alone.
 */
export function getJourneyLimits(maxMemoryMb: number): JourneyEngineOptions {
  return {
    heapMb: Math.max(64, Math.floor(maxMemoryMb * 0.5)),
    propertyBudgetBytes: Math.max(16, Math.floor(maxMemoryMb * 0.15)) * 1024 * 1024,
  };
}
