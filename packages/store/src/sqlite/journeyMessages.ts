import type { JourneyCall } from './createJourneyHost.js';

/** What the main thread asks the journey worker. */
export type EngineRequest =
  | { kind: 'run'; id: number; projectRowId: number; call: JourneyCall }
  | { kind: 'warm'; projectRowId: number }
  | { kind: 'forget'; projectRowId: number }
  /** Save every changed index before the thread is stopped; answered with id -1. */
  | { kind: 'save' };

/** What the journey worker answers to a `run` (and, with id 0, to a `warm`; id -1 to a `save`). */
export type EngineReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };
