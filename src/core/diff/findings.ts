import type { Finding, Severity } from '../rules/rule.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function atLeast(severity: Severity, least: Severity): boolean {
  return RANK[severity] >= RANK[least];
}

/**
 * The candidate's findings the baseline did not have. A finding is the same as a baseline one of its
 * rule on the aligned beacons (`toBaseline` maps a candidate beacon index to its baseline partner);
 * failing that, as any baseline one of its rule not yet matched: the same defect on another View of
 * a run with different timing is no new finding.
 */
export function newFindings(
  baseline: readonly Finding[],
  candidate: readonly Finding[],
  toBaseline: (beacon: number) => number | undefined,
): Finding[] {
  const unmatched = new Set(baseline);
  const left: Finding[] = [];
  for (const f of candidate) {
    const mapped = f.beacons.map(toBaseline);
    const same = [...unmatched].find(
      (b) =>
        b.rule === f.rule &&
        b.beacons.length === mapped.length &&
        mapped.every((i) => i !== undefined && b.beacons.includes(i)),
    );
    if (same) unmatched.delete(same);
    else left.push(f);
  }
  return left.filter((f) => {
    const same = [...unmatched].find((b) => b.rule === f.rule);
    if (same) unmatched.delete(same);
    return !same;
  });
}
