import { describeAccessibility } from './support/describeAccessibility.js';

// Issue 7: every page passes axe-core at 390 px wide (support/describeAccessibility.ts).
describeAccessibility([390]);
