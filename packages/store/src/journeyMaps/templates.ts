import type { JourneyStage } from '../engine/types.js';
import type { JourneyMapTemplate } from './types.js';

/**
 * Starting points for a new map, from the journey-mapping practice of each trade: the
 * stages and the touchpoints a team usually tracks there, named as a tracking plan
 * would name them, goals and moments of truth marked. A team renames them to its own
 * touchpoints in the editor; a touchpoint nobody sends simply counts nobody.
 */
export const JOURNEY_MAP_TEMPLATE_STAGES: Record<JourneyMapTemplate, JourneyStage[]> = {
  retail: [
    {
      name: 'awareness',
      touchpoints: [
        { name: 'Ad clicked', channel: 'ads' },
        { name: 'Social post clicked', channel: 'social' },
      ],
    },
    {
      name: 'consideration',
      touchpoints: [
        { name: 'Product viewed', channel: 'web' },
        { name: 'Added to cart', channel: 'web' },
        { name: 'Store visit', channel: 'store' },
      ],
    },
    {
      name: 'purchase',
      touchpoints: [
        { name: 'Checkout started', channel: 'web' },
        { name: 'Purchase completed', goal: true, momentOfTruth: true },
      ],
    },
    {
      name: 'delivery',
      touchpoints: [
        { name: 'Order shipped', channel: 'email' },
        { name: 'Order delivered', momentOfTruth: true },
      ],
    },
    {
      name: 'loyalty',
      touchpoints: [
        { name: 'Email opened', channel: 'email' },
        { name: 'feedback', goal: true },
      ],
    },
  ],
  'saas-onboarding': [
    {
      name: 'sign-up',
      touchpoints: [
        { name: '/pricing', channel: 'web' },
        { name: 'Signed up', channel: 'web' },
      ],
    },
    {
      name: 'activation',
      touchpoints: [
        { name: 'Onboarding started', channel: 'app' },
        { name: 'Project created', channel: 'app', momentOfTruth: true },
      ],
    },
    {
      name: 'adoption',
      touchpoints: [
        { name: 'Teammate invited', channel: 'app' },
        { name: 'Integration connected', channel: 'app' },
      ],
    },
    {
      name: 'conversion',
      touchpoints: [{ name: 'Subscription started', goal: true, momentOfTruth: true }],
    },
  ],
  bank: [
    {
      name: 'awareness',
      touchpoints: [
        { name: 'Ad clicked', channel: 'ads' },
        { name: 'Branch visit', channel: 'branch' },
      ],
    },
    {
      name: 'application',
      touchpoints: [
        { name: 'Application started', channel: 'web' },
        { name: 'Identity verified', momentOfTruth: true },
        { name: 'Application submitted' },
      ],
    },
    { name: 'onboarding', touchpoints: [{ name: 'Account opened', goal: true }, { name: 'Card activated' }] },
    {
      name: 'everyday banking',
      touchpoints: [
        { name: 'App opened', channel: 'app' },
        { name: 'Transfer made', channel: 'app' },
        { name: 'Support call', channel: 'phone' },
      ],
    },
  ],
  'telecom-support': [
    {
      name: 'contact',
      touchpoints: [
        { name: 'Help page viewed', channel: 'web' },
        { name: 'Chat started', channel: 'chat' },
        { name: 'Support call', channel: 'phone' },
      ],
    },
    { name: 'diagnosis', touchpoints: [{ name: 'Ticket opened' }, { name: 'Technician booked' }] },
    {
      name: 'resolution',
      touchpoints: [{ name: 'Issue resolved', goal: true, momentOfTruth: true }, { name: 'Ticket closed' }],
    },
    { name: 'follow-up', touchpoints: [{ name: 'feedback', goal: true }] },
  ],
};
