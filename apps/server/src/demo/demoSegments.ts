import type { SegmentFields } from '@parcours/store';

/**
 * The demo's saved segments, over the touchpoints and traits `generateDemoJourneys`
 * emits: two personas (a named segment with a description, `persona: true`) from the
 * persona trait, and behavioural, transactional and acquisition segments.
 */
export const DEMO_SEGMENTS: SegmentFields[] = [
  {
    name: 'Weekend hiker',
    description: 'Walks on weekends, buys trail shoes and rain gear; signs up to track orders.',
    definition: { kind: 'trait', name: 'persona', value: 'Weekend hiker' },
    persona: true,
  },
  {
    name: 'Family camper',
    description: 'Plans family trips ahead, compares tents, often buys in a store.',
    definition: { kind: 'trait', name: 'persona', value: 'Family camper' },
    persona: true,
  },
  {
    name: 'Gold members',
    description: 'Bought twice or more: their latest loyalty trait is gold.',
    definition: { kind: 'trait', name: 'loyalty', value: 'gold' },
    persona: false,
  },
  {
    name: 'Bought in a store',
    description: 'Completed a purchase in one of the shops.',
    definition: { kind: 'did', name: 'Purchase completed', channel: 'store' },
    persona: false,
  },
  {
    name: 'Carted, never bought',
    description: 'Added to the cart and did not complete a purchase.',
    definition: {
      kind: 'and',
      conditions: [
        { kind: 'did', name: 'Added to cart' },
        { kind: 'didNot', name: 'Purchase completed' },
      ],
    },
    persona: false,
  },
  {
    name: 'Came from social or search',
    description: 'Clicked a social post or a search result.',
    definition: {
      kind: 'or',
      conditions: [
        { kind: 'did', name: 'Social post clicked', channel: 'social' },
        { kind: 'did', name: 'Search result clicked', channel: 'search' },
      ],
    },
    persona: false,
  },
];
