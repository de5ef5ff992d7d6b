/** The journey map page's map (`?map=`, a map id); absent: the project's main map. */
export const MAP_PARAM = 'map';

/** How the templates a new map starts from are named on the page. */
export const TEMPLATE_LABELS = {
  blank: 'Blank (the five classic stages)',
  retail: 'Retail',
  'saas-onboarding': 'SaaS onboarding',
  bank: 'Bank',
  'telecom-support': 'Telecom support',
} as const;

export type TemplateChoice = keyof typeof TEMPLATE_LABELS;
