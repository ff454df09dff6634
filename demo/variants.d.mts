// Types for variants.mjs, for TypeScript callers.
export interface Variant {
  page: 'kaltura' | 'stats' | 'jw';
  bug: string;
  description: string;
  /** Rule ids the variant must trigger; no other error-level rule may fire. */
  expectedRules: string[];
  /** What `player-inspector diff` against the clean page must name: parameter keys or event names. */
  expectedDiff?: string[];
}

export const variants: Variant[];
