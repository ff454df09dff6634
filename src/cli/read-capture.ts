import type { CapturedRequest } from '../core/capture/captured-request.js';
import { parseJson } from '../core/capture/har-import.js';
import { isJsonReport, requestsFromReport } from '../core/diff/report-input.js';
import { firstText, readInputFile, readText } from './read-input.js';

/** A report written by Player Inspector starts with its beacons; a HAR with "log". */
const REPORT_START = /^\{\s*"beacons"\s*:/;

/**
 * The requests of one capture for `diff`: a JSON report (`validate --format json`, an audit's
 * report.json) read whole, else a HAR or URL list streamed as `validate` reads them.
 */
export async function readCapture(path: string, idPrefix: string): Promise<Iterable<CapturedRequest>> {
  const input = await readInputFile(path, idPrefix);
  if (input.format !== 'har' || !REPORT_START.test(firstText(path))) return input.requests;
  const json = parseJson(await readText(path), path);
  return isJsonReport(json) ? requestsFromReport(json, path) : input.requests;
}
