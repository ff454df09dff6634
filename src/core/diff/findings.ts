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
  const exact = new Map<string, Finding[]>();
  const byRule = new Map<string, Finding[]>();
  for (const f of baseline) {
    push(exact, keyOf(f.rule, f.beacons), f);
    push(byRule, f.rule, f);
  }
  const used = new Set<Finding>();
  // Each list is consumed in order; its cursor skips what the other index already took.
  const cursors = new Map<Finding[], number>();
  const take = (list: Finding[] | undefined) => {
    if (!list) return undefined;
    let i = cursors.get(list) ?? 0;
    while (i < list.length && used.has(list[i]!)) i++;
    cursors.set(list, i + 1);
    const found = list[i];
    if (found) used.add(found);
    return found;
  };
  const left: Finding[] = [];
  for (const f of candidate) {
    const mapped = f.beacons.map(toBaseline);
    const aligned = mapped.every((i) => i !== undefined);
    if (!aligned || !take(exact.get(keyOf(f.rule, mapped as number[])))) left.push(f);
  }
  return left.filter((f) => !take(byRule.get(f.rule)));
}

function keyOf(rule: string, beacons: readonly number[]): string {
  return `${rule}\u0000${[...beacons].sort((a, b) => a - b).join(',')}`;
}

function push(map: Map<string, Finding[]>, key: string, f: Finding): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}
