import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The heap is nearly full: one line and exit 2, instead of V8's fatal crash a little later. */
export class OutOfMemoryError extends Error {
  override name = 'OutOfMemoryError';
}

/** Share of the old generation's limit past which a capture or report is given up. */
const LIMIT = 0.75;
/**
 * V8's heap limit counts the young generation too (3 × 16 MB semi-spaces on 64 bits), but it is the
 * old generation reaching `--max-old-space-size` that crashes.
 */
const YOUNG_GENERATION = 48 * 2 ** 20;
let collect: (() => void) | undefined;

/**
 * Throws an `OutOfMemoryError` when the live heap is close to V8's limit, saying what was being done.
 * Garbage counts as used until the next collection, so a full collection is forced before deciding.
 */
export function checkMemory(doing: string): void {
  if (!nearLimit()) return;
  if (!collect) {
    // `gc` is only exposed by a flag; set at run time, a fresh context then holds it.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  if (!nearLimit()) return;
  const { used, limit } = oldGeneration();
  const mb = (n: number) => Math.round(n / 2 ** 20);
  throw new OutOfMemoryError(
    `out of memory ${doing} (${mb(used)} of ${mb(limit)} MB heap in use): validate fewer beacons at once, or give Node more with NODE_OPTIONS=--max-old-space-size=${mb(limit) * 2}`,
  );
}

function nearLimit(): boolean {
  const { used, limit } = oldGeneration();
  return used > limit * LIMIT;
}

function oldGeneration(): { used: number; limit: number } {
  const total = getHeapStatistics().heap_size_limit;
  const limit = total > YOUNG_GENERATION ? total - YOUNG_GENERATION : total / 2;
  let used = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (!space.space_name.startsWith('new_')) used += space.space_used_size;
  }
  return { used, limit };
}
