import type { CapturedRequest } from '../../core/capture/captured-request.js';

/**
 * Characters of JSON per backlog message. Chrome refuses a message over 64 MiB (the port's postMessage
 * throws, and the panel never hears of the backlog): a page of 1 000 stored requests with bodies of
 * 64 kB each is already past it, so pages are cut by size too. 8 Mi characters stay below the limit
 * even when every character takes 3 bytes of UTF-8.
 */
export const MESSAGE_BUDGET = 8 * 1024 * 1024;

/** `requests` in order, cut into runs whose JSON stays within `budget` (a larger request goes alone). */
export function splitBySize(requests: CapturedRequest[], budget = MESSAGE_BUDGET): CapturedRequest[][] {
  const parts: CapturedRequest[][] = [];
  let part: CapturedRequest[] = [];
  let size = 0;
  for (const request of requests) {
    const length = JSON.stringify(request).length + 1;
    if (part.length > 0 && size + length > budget) {
      parts.push(part);
      part = [];
      size = 0;
    }
    part.push(request);
    size += length;
  }
  if (part.length > 0 || parts.length === 0) parts.push(part);
  return parts;
}
