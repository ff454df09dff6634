import type { CapturedRequest } from '../capture/captured-request.js';
import { InputError } from '../capture/har-import.js';

/** Whether parsed JSON is a Player Inspector JSON report (`validate --format json`, an audit's report.json). */
export function isJsonReport(json: unknown): boolean {
  const o = json as Record<string, unknown> | null;
  return typeof o === 'object' && o !== null && Array.isArray(o.beacons) && typeof o.summary === 'object';
}

/**
 * The beacons' requests of a JSON report, in report order, so that an `Inspector` decodes the same
 * beacons, sessions and findings again. Reports written before they kept the request cannot be read.
 */
export function requestsFromReport(json: unknown, name = 'report'): CapturedRequest[] {
  if (!isJsonReport(json)) throw new InputError(`${name}: not a Player Inspector JSON report`);
  const beacons = (json as { beacons: unknown[] }).beacons;
  return beacons.map((b, i) => {
    const beacon = b as { time?: unknown; request?: Record<string, unknown> } | null;
    const r = beacon?.request;
    const time = typeof beacon?.time === 'string' ? Date.parse(beacon.time) : Number.NaN;
    if (!r || typeof r.url !== 'string' || typeof r.method !== 'string') {
      throw new InputError(
        `${name}: beacon ${i} has no request (a report from an older version): compare its HAR instead`,
      );
    }
    if (Number.isNaN(time)) throw new InputError(`${name}: beacon ${i} has no valid time`);
    const request: CapturedRequest = { id: `report-${i}`, method: r.method, url: r.url, startTime: time };
    if (typeof r.status === 'number') request.status = r.status;
    const mimeType = typeof r.mimeType === 'string' ? { mimeType: r.mimeType } : {};
    if (typeof r.body === 'string') request.body = { kind: 'text', text: r.body, ...mimeType };
    else if (typeof r.bodyBase64 === 'string')
      request.body = { kind: 'binary', base64: r.bodyBase64, ...mimeType };
    return request;
  });
}
