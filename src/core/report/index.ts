import { type HtmlReportOptions, htmlChunks } from './html.js';
import { jsonChunks } from './json.js';
import { junitChunks } from './junit.js';
import type { ReportSource } from './source.js';
import { type TextReportOptions, textChunks } from './text.js';

export type ReportFormat = 'text' | 'json' | 'junit' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'junit', 'html'];

export type RenderReportOptions = TextReportOptions & HtmlReportOptions;

/** Any report as a string, by format name (the CLI's `--format`, the audit's `report(format)`). */
export function renderReport(
  format: ReportFormat,
  source: ReportSource,
  options: RenderReportOptions = {},
): string {
  return [...reportChunks(format, source, options)].join('');
}

/**
 * Any report in pieces, made as they are consumed: what a writer streams to a file or stdout, so the
 * report of a huge capture is never held whole. Joined, the pieces are `renderReport`'s string.
 */
export function reportChunks(
  format: ReportFormat,
  source: ReportSource,
  options: RenderReportOptions = {},
): Iterable<string> {
  switch (format) {
    case 'text':
      return textChunks(source, options);
    case 'json':
      return jsonChunks(source, options);
    case 'junit':
      return junitChunks(source, options);
    case 'html':
      return htmlChunks(source, options);
  }
}

export type { HtmlReportOptions } from './html.js';
export { HTML_LIMITS, htmlChunks, renderHtml } from './html.js';
export { type JsonReport, jsonChunks, jsonReport, renderJson } from './json.js';
export { junitChunks, renderJunit } from './junit.js';
export type { ReportOptions, ReportSource } from './source.js';
export { renderText, type TextReportOptions, textChunks } from './text.js';
