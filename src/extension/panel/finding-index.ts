import type { Beacon } from '../../core/beacon.js';
import type { Inspector } from '../../core/inspector.js';
import type { Finding, Severity } from '../../core/rules/rule.js';

/**
 * One inspector's findings, kept up to date at a cost in proportion to what changed: the findings
 * raised by new beacons are appended, and end-of-capture findings are evaluated again only for the
 * sessions that received beacons. The lists come in the order `Inspector.findings()` gives them.
 */
export class FindingIndex {
  /** Findings per beacon index; changes in place. */
  readonly byBeacon = new Map<number, Finding[]>();
  /** How many findings there are of each severity. */
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly checks: Finding[] = [];
  /** Each check finding's position in `checks`: a beacon lists its findings in that order. */
  private readonly position = new Map<Finding, number>();
  /** How many of the inspector's `growthFrom` entries are applied. */
  private grown = 0;
  /** End-of-capture findings per session, in the order sessions appeared. */
  private readonly ends = new Map<string, Finding[]>();
  private readonly checksByBeacon = new Map<number, Finding[]>();
  private readonly endsByBeacon = new Map<number, Finding[]>();
  private readonly dirty = new Set<string>();
  private all: Finding[] | undefined;

  constructor(private readonly inspector: Inspector) {}

  /** A beacon was fed to the inspector (or changed): its session's end-of-capture findings are stale. */
  touched(beacon: Beacon): void {
    const key = this.inspector.sessionOf(beacon.index)?.key;
    if (key === undefined) return;
    if (!this.ends.has(key)) this.ends.set(key, []);
    this.dirty.add(key);
  }

  /** Brings the index up to date; returns the indices of the beacons whose findings changed. */
  update(): Set<number> {
    const changed = new Set<number>();
    const fresh = this.inspector.checkFindingsFrom(this.checks.length);
    // A finding already listed that more beacons joined (the same problem again) is listed with them
    // too; one that is new here is listed with all its beacons below.
    const growth = this.inspector.growthFrom(this.grown);
    this.grown += growth.length;
    const isNew = new Set(fresh);
    for (const { finding, beacon } of growth) {
      if (isNew.has(finding)) continue;
      changed.add(beacon);
      const list = this.checksByBeacon.get(beacon) ?? [];
      const at = this.position.get(finding) ?? 0;
      let i = list.length;
      while (i > 0 && (this.position.get(list[i - 1]!) ?? 0) > at) i--;
      list.splice(i, 0, finding);
      this.checksByBeacon.set(beacon, list);
      this.all = undefined;
    }
    for (const f of fresh) {
      this.position.set(f, this.checks.length);
      this.checks.push(f);
      this.counts[f.severity]++;
      addTo(this.checksByBeacon, f, changed);
      this.all = undefined;
    }
    for (const key of this.dirty) {
      const stale = new Set(this.ends.get(key));
      for (const f of stale) {
        this.counts[f.severity]--;
        for (const index of f.beacons) {
          changed.add(index);
          const rest = this.endsByBeacon.get(index)?.filter((x) => !stale.has(x)) ?? [];
          if (rest.length > 0) this.endsByBeacon.set(index, rest);
          else this.endsByBeacon.delete(index);
        }
      }
      const fresh = this.inspector.endFindingsForSession(key);
      this.ends.set(key, fresh);
      for (const f of fresh) {
        this.counts[f.severity]++;
        addTo(this.endsByBeacon, f, changed);
      }
      this.all = undefined;
    }
    this.dirty.clear();
    for (const index of changed) {
      const list = [...(this.checksByBeacon.get(index) ?? []), ...(this.endsByBeacon.get(index) ?? [])];
      if (list.length > 0) this.byBeacon.set(index, list);
      else this.byBeacon.delete(index);
    }
    return changed;
  }

  /** Every finding as of the last update; built when asked for (the sessions view, not each render). */
  findings(): Finding[] {
    this.all ??= [...this.checks, ...[...this.ends.values()].flat()];
    return this.all;
  }
}

function addTo(map: Map<number, Finding[]>, finding: Finding, changed: Set<number>): void {
  for (const index of finding.beacons) {
    changed.add(index);
    const list = map.get(index);
    if (list) list.push(finding);
    else map.set(index, [finding]);
  }
}
