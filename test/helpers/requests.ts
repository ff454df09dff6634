import type { CapturedRequest } from '../../src/core/capture/captured-request.js';

let counter = 0;

/** A captured GET request for a URL, as a capture surface would produce it (status 200 by default). */
export function getRequest(url: string, init: Partial<CapturedRequest> = {}): CapturedRequest {
  counter += 1;
  return { id: `t${counter}`, method: 'GET', url, status: 200, startTime: 1_700_000_000_000, ...init };
}

/** A form-encoded POST (as sendBeacon or a fetch with a URLSearchParams body sends it). */
export function postRequest(url: string, body: string, init: Partial<CapturedRequest> = {}): CapturedRequest {
  return getRequest(url, {
    method: 'POST',
    body: { kind: 'text', text: body, mimeType: 'application/x-www-form-urlencoded' },
    ...init,
  });
}

/** Builds a query string from pairs, encoding values with encodeURIComponent. */
export function query(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}
