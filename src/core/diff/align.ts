/** One step of an alignment: a pair of matched items, or an item only one side has. */
export type AlignStep =
  | { kind: 'match'; a: number; b: number }
  | { kind: 'only-a'; a: number }
  | { kind: 'only-b'; b: number };

/**
 * Aligns two sequences by their longest common subsequence under `same`, so that one item missing
 * from a long run is one gap, not a shift of everything after it (an index-by-index comparison would
 * see every later item as changed). The common prefix and suffix are matched first: two captures of
 * the same page usually differ in a few places, which keeps the quadratic table small. `weight` (a
 * whole number, default 1) makes some matches count more: where two items swapped places, the heavier
 * one stays matched.
 */
export function align<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
  weight: (x: T) => number = () => 1,
): AlignStep[] {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const steps: AlignStep[] = [];
  for (let i = 0; i < start; i++) steps.push({ kind: 'match', a: i, b: i });
  if ((endA - start) * (endB - start) <= MAX_CELLS)
    middle(a, b, start, endA, start, endB, same, weight, steps);
  else resync(a, b, start, endA, start, endB, same, steps);
  for (let i = 0; endA + i < a.length; i++) steps.push({ kind: 'match', a: endA + i, b: endB + i });
  return steps;
}

/** Beyond this many table cells (two long sessions differing early), the quadratic table is too big. */
const MAX_CELLS = 4_000_000;
/** How far `resync` looks ahead for the next common item. */
const LOOKAHEAD = 64;

/**
 * Linear fallback for huge differing stretches: walks both sides, and where they differ skips the
 * fewest items (up to LOOKAHEAD on either side) that brings them back in step.
 */
function resync<T>(
  a: readonly T[],
  b: readonly T[],
  fromA: number,
  toA: number,
  fromB: number,
  toB: number,
  same: (x: T, y: T) => boolean,
  steps: AlignStep[],
): void {
  let i = fromA;
  let j = fromB;
  while (i < toA && j < toB) {
    if (same(a[i]!, b[j]!)) {
      steps.push({ kind: 'match', a: i++, b: j++ });
      continue;
    }
    let skipA = -1;
    let skipB = -1;
    for (let d = 1; d <= LOOKAHEAD && skipA === -1; d++) {
      for (let k = 0; k <= d; k++) {
        if (i + k < toA && j + d - k < toB && same(a[i + k]!, b[j + d - k]!)) {
          [skipA, skipB] = [k, d - k];
          break;
        }
      }
    }
    if (skipA === -1) [skipA, skipB] = [1, 1];
    for (let k = 0; k < skipA; k++) steps.push({ kind: 'only-a', a: i++ });
    for (let k = 0; k < skipB; k++) steps.push({ kind: 'only-b', b: j++ });
  }
  for (; i < toA; i++) steps.push({ kind: 'only-a', a: i });
  for (; j < toB; j++) steps.push({ kind: 'only-b', b: j });
}

/** The LCS table of a[fromA, toA) × b[fromB, toB), walked back into steps in order. */
function middle<T>(
  a: readonly T[],
  b: readonly T[],
  fromA: number,
  toA: number,
  fromB: number,
  toB: number,
  same: (x: T, y: T) => boolean,
  weight: (x: T) => number,
  steps: AlignStep[],
): void {
  const n = toA - fromA;
  const m = toB - fromB;
  const width = m + 1;
  // lengths[i * width + j]: weight of the best common subsequence of a[fromA + i …] and b[fromB + j …].
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = same(a[fromA + i]!, b[fromB + j]!)
        ? Math.max(
            lengths[(i + 1) * width + j + 1]! + weight(a[fromA + i]!),
            lengths[(i + 1) * width + j]!,
            lengths[i * width + j + 1]!,
          )
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (
      same(a[fromA + i]!, b[fromB + j]!) &&
      lengths[i * width + j] === lengths[(i + 1) * width + j + 1]! + weight(a[fromA + i]!)
    ) {
      steps.push({ kind: 'match', a: fromA + i, b: fromB + j });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      steps.push({ kind: 'only-a', a: fromA + i });
      i++;
    } else {
      steps.push({ kind: 'only-b', b: fromB + j });
      j++;
    }
  }
  for (; i < n; i++) steps.push({ kind: 'only-a', a: fromA + i });
  for (; j < m; j++) steps.push({ kind: 'only-b', b: fromB + j });
}
