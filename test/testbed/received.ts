import type { ReceivedBeacon } from '../../demo/server.mjs';
import type { CapturedRequest } from '../../src/core/capture/captured-request.js';
import { Inspector } from '../../src/core/inspector.js';

/** What the demo server received, as captured requests (they all got HTTP 200). */
export function toRequests(received: readonly ReceivedBeacon[]): CapturedRequest[] {
  return received.map((r, i) => ({
    id: String(i),
    method: r.method,
    url: r.url,
    ...(r.body ? { body: { kind: 'text' as const, text: r.body } } : {}),
    status: 200,
    startTime: r.time,
  }));
}

/** Decodes the server's log with the core, as Player Inspector would. */
export function inspect(received: readonly ReceivedBeacon[]): Inspector {
  const inspector = new Inspector();
  inspector.addAll(toRequests(received));
  return inspector;
}
