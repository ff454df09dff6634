// Types for variants.mjs, for TypeScript callers.
export interface Variant {
  page: 'kaltura' | 'stats' | 'jw';
  bug: string;
  description: string;
  /** Rule ids the variant must trigger; no other error-level rule may fire. */
  expectedRules: string[];
}

export const variants: Variant[];
