import type { Beacon } from '../../core/beacon.js';
import type { Finding } from '../../core/rules/rule.js';
import { firstPassing } from '../../core/sorted.js';
import { beaconFilter, dependsOnFindings, type Filters, filterBeacons } from './filters.js';

/**
 * The indices of the beacons that pass the filters, ascending, kept up to date at the cost of what
 * changed: new beacons are tested and appended, a beacon whose findings changed is tested again only
 * when a severity filter is set, and every beacon is tested only when the filters are new. Filters that
 * narrow the previous ones (more text typed) test only the beacons the previous list showed.
 */
export class ShownList {
  private readonly matches: (beacon: Beacon, findings: readonly Finding[] | undefined) => boolean;
  private indices: number[] | undefined;
  /** Beacons tested so far: `beacons[0 … tested - 1]`. */
  private tested = 0;
  private previous: ShownList | undefined;

  constructor(
    readonly filters: Filters,
    previous?: ShownList,
  ) {
    this.matches = beaconFilter(filters);
    // Filters set twice before a render: the last list that was computed is the base.
    const base = previous?.indices ? previous : previous?.previous;
    if (base?.indices && narrows(base.filters, filters)) this.previous = base;
  }

  /** Brings the list up to date with `beacons` (which only grow) and the beacons whose findings changed. */
  update(
    beacons: readonly Beacon[],
    findingsByBeacon: ReadonlyMap<number, Finding[]>,
    changed: Iterable<number>,
  ): readonly number[] {
    if (!this.indices) {
      const previous = this.previous;
      this.previous = undefined;
      if (previous?.indices) {
        this.indices = previous.indices.filter((i) => this.matches(beacons[i]!, findingsByBeacon.get(i)));
        this.tested = previous.tested;
      } else {
        this.indices = filterBeacons(beacons, findingsByBeacon, this.filters);
        this.tested = beacons.length;
        return this.indices;
      }
    }
    const indices = this.indices;
    if (dependsOnFindings(this.filters)) {
      for (const index of changed) {
        if (index >= this.tested) continue;
        const shown = this.matches(beacons[index]!, findingsByBeacon.get(index));
        const at = firstPassing(indices, (i) => i >= index);
        const listed = indices[at] === index;
        if (shown && !listed) indices.splice(at, 0, index);
        else if (!shown && listed) indices.splice(at, 1);
      }
    }
    for (; this.tested < beacons.length; this.tested++) {
      const beacon = beacons[this.tested]!;
      if (this.matches(beacon, findingsByBeacon.get(beacon.index))) indices.push(beacon.index);
    }
    return indices;
  }
}

/** Whether every beacon that passes `next` passes `previous`: the same protocols and severity, more text. */
function narrows(previous: Filters, next: Filters): boolean {
  const text = (f: Filters) => f.text.trim().toLowerCase();
  return (
    previous.severity === next.severity &&
    previous.protocols.size === next.protocols.size &&
    [...previous.protocols].every((p) => next.protocols.has(p)) &&
    text(next).includes(text(previous))
  );
}
