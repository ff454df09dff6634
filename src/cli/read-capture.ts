import type { CapturedRequest } from '../core/capture/captured-request.js';
import { parseJson } from '../core/capture/har-import.js';
import { requestsFromReport } from '../core/diff/report-input.js';
import { readInputFile, STDIN } from './read-input.js';

/** A report written by Player Inspector starts with its beacons; a HAR with "log". */
const REPORT_START = /^\{\s*"beacons"\s*:/;

/**
 * The requests of one capture for `diff`: a JSON report (`validate --format json`, an audit's
 * report.json) read whole, else a HAR or URL list streamed as `validate` reads them. The input is read
 * once, so `-` (standard input) works too.
 */
export async function readCapture(
  path: string,
  idPrefix: string,
): Promise<Iterable<CapturedRequest> | AsyncIterable<CapturedRequest>> {
  const input = await readInputFile(path, idPrefix);
  if (input.format !== 'har' || !REPORT_START.test(input.head)) return input.requests;
  const name = path === STDIN ? 'stdin' : path;
  return requestsFromReport(parseJson(await input.text(), name), name);
}
