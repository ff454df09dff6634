/**
 * A finding's beacons as runs of consecutive indices, ascending: [[3, 3], [5, 12]]. A problem found on
 * every one of 10 000 beacons then reads as one run, not 10 000 numbers.
 */
export function beaconRuns(indices: readonly number[]): [first: number, last: number][] {
  const sorted = [...indices].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const run = runs[runs.length - 1];
    if (run && i <= run[1] + 1) run[1] = Math.max(run[1], i);
    else runs.push([i, i]);
  }
  return runs;
}

/** The runs for reading, "#3, #5–#12"; `base` is the number of the first beacon (the panel counts from 1). */
export function beaconList(indices: readonly number[], base = 0): string {
  return beaconRuns(indices)
    .map(([first, last]) => {
      if (first === last) return `#${first + base}`;
      return last === first + 1 ? `#${first + base}, #${last + base}` : `#${first + base}–#${last + base}`;
    })
    .join(', ');
}
