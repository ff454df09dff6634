import type { ReportFormat } from '../report/index.js';
import { renderDiffHtml } from './report-html.js';
import { type DiffReportInput, renderDiffJson } from './report-json.js';
import { renderDiffJunit } from './report-junit.js';
import { renderDiffText } from './report-text.js';

/** A diff report as a string, by format name (`diff --format`). */
export function renderDiff(
  format: ReportFormat,
  input: DiffReportInput,
  options: { color?: boolean } = {},
): string {
  switch (format) {
    case 'text':
      return renderDiffText(input, options);
    case 'json':
      return renderDiffJson(input);
    case 'junit':
      return renderDiffJunit(input);
    case 'html':
      return renderDiffHtml(input);
  }
}

export type { DiffReportInput };
