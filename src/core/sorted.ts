/**
 * Binary search: the index of the first item of `sorted` that passes `test`, where `test` fails for a
 * first stretch of the list and passes for the rest (`sorted.length` when none passes).
 */
export function firstPassing<T>(sorted: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(sorted[mid] as T)) high = mid;
    else low = mid + 1;
  }
  return low;
}
