import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../../../src/core/capture/captured-request.js';
import { MESSAGE_BUDGET, splitBySize } from '../../../src/extension/background/backlog-messages.js';
import { MAX_BODY_BYTES } from '../../../src/extension/background/request-from-details.js';

const request = (i: number, bodyLength: number): CapturedRequest => ({
  id: String(i),
  method: 'POST',
  url: `https://analytics.kaltura.com/api_v3/index.php?i=${i}`,
  startTime: i,
  body: { kind: 'text', text: 'x'.repeat(bodyLength) },
});

// Chrome refuses a port message over 64 MiB: a backlog page of 1 000 requests with large bodies was one
// such message, and the panel stayed at "0 beacons".
describe('splitBySize', () => {
  it('cuts a page of 1 000 requests with capped binary bodies (85 MB of JSON) into messages within the budget', () => {
    // A capped binary body is 64 kB of bytes, a third more as base64.
    const base64 = 'A'.repeat(Math.ceil(MAX_BODY_BYTES / 3) * 4);
    const page = Array.from({ length: 1000 }, (_, i) => ({
      ...request(i, 0),
      body: { kind: 'binary' as const, base64, truncatedFrom: 1_000_000 },
    }));
    expect(JSON.stringify(page).length).toBeGreaterThan(64 * 1024 * 1024);
    const parts = splitBySize(page);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(JSON.stringify(part).length).toBeLessThanOrEqual(MESSAGE_BUDGET);
    expect(parts.flat()).toEqual(page);
  });

  it('keeps a small page whole, and an empty one as one empty message', () => {
    const page = [request(1, 10), request(2, 10)];
    expect(splitBySize(page)).toEqual([page]);
    expect(splitBySize([])).toEqual([[]]);
  });

  it('sends a request larger than the budget alone rather than losing it', () => {
    const page = [request(1, 10), request(2, 500), request(3, 10)];
    expect(splitBySize(page, 300).map((part) => part.map((r) => r.id))).toEqual([['1'], ['2'], ['3']]);
  });
});
