import type { Stages } from '../api/types.js';

/** How each reason a touchpoint is a pain point is named on its tag. */
export const PAIN_LABELS: Record<Stages['painPoints'][number]['reason'], string> = {
  'drop-off': 'Drop-off',
  'low score': 'Low score',
  'low satisfaction': 'Low satisfaction',
};
