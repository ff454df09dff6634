import type { Rule } from './rule.js';

// Placeholder until the generic rules land.
export const genericRules: readonly Rule[] = [];
