import type { DiffResult } from './types.js';

/** What every diff report renders: the result and the names of the two captures. */
export interface DiffReportInput {
  baseline: string;
  candidate: string;
  result: DiffResult;
}

/** The diff as JSON: `equivalent`, `summary`, `pairs`, `differences` (each with `matters`). */
export function renderDiffJson(input: DiffReportInput): string {
  const { result } = input;
  const report = {
    baseline: input.baseline,
    candidate: input.candidate,
    equivalent: result.equivalent,
    summary: result.summary,
    pairs: result.pairs,
    differences: result.differences,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
