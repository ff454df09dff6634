import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportHar } from '../../core/capture/har-export.js';
import { redactUrl } from '../../core/redaction/redactor.js';
import { reportChunks } from '../../core/report/index.js';
import type { TruthRecord } from '../../core/truth/record.js';
import type { AttachedInspector } from '../api/attach-inspector.js';
import { writeToFile } from '../write-output.js';

/** The files an audit writes into its `--out` folder. */
export const REPORT_FILES = {
  json: 'report.json',
  junit: 'report.xml',
  html: 'report.html',
  har: 'capture.har',
} as const;

/**
 * Writes the JSON, JUnit and HTML reports and the HAR of every request, all with `ks` and other secrets
 * redacted. Returns the paths written.
 */
export async function writeReports(
  dir: string,
  inspector: AttachedInspector,
  title: string,
): Promise<Record<keyof typeof REPORT_FILES, string>> {
  await mkdir(dir, { recursive: true });
  const paths = {
    json: join(dir, REPORT_FILES.json),
    junit: join(dir, REPORT_FILES.junit),
    html: join(dir, REPORT_FILES.html),
    har: join(dir, REPORT_FILES.har),
  };
  await Promise.all([
    writeToFile(paths.json, reportChunks('json', inspector)),
    writeToFile(paths.junit, reportChunks('junit', inspector)),
    writeToFile(paths.html, reportChunks('html', inspector, { title })),
    writeFile(
      paths.har,
      `${JSON.stringify(exportHar(inspector.requests(), harTruth(inspector)), null, 2)}\n`,
    ),
  ]);
  return paths;
}

/** The HAR carries the audit's ground truth, so an imported capture can be judged against it again. */
function harTruth(inspector: AttachedInspector): { truth?: TruthRecord } {
  const truth = inspector.truth();
  return truth ? { truth } : {};
}

/** A folder name for one URL of several: `2-127.0.0.1-jw.html`; a `ks` in the URL is not in it. */
export function folderFor(url: string, index: number): string {
  let slug: string;
  try {
    const u = new URL(redactUrl(url));
    slug = `${u.hostname}${u.pathname}${u.search}`;
  } catch {
    slug = redactUrl(url);
  }
  slug = slug
    .replace(/[^a-zA-Z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${index + 1}-${slug || 'page'}`;
}
