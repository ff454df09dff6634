import { type HtmlReportOptions, renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import type { ReportSource } from './source.js';
import { renderText, type TextReportOptions } from './text.js';

export type ReportFormat = 'text' | 'json' | 'junit' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'junit', 'html'];

export type RenderReportOptions = TextReportOptions & HtmlReportOptions;

/** Any report as a string, by format name (the CLI's `--format`, the audit's `report(format)`). */
export function renderReport(
  format: ReportFormat,
  source: ReportSource,
  options: RenderReportOptions = {},
): string {
  switch (format) {
    case 'text':
      return renderText(source, options);
    case 'json':
      return renderJson(source, options);
    case 'junit':
      return renderJunit(source, options);
    case 'html':
      return renderHtml(source, options);
  }
}

export type { HtmlReportOptions } from './html.js';
export { renderHtml } from './html.js';
export { type JsonReport, jsonReport, renderJson } from './json.js';
export { renderJunit } from './junit.js';
export type { ReportOptions, ReportSource } from './source.js';
export { renderText, type TextReportOptions } from './text.js';
