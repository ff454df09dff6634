import type { Beacon } from '../beacon.js';
import { type ResolvedConfig, resolveConfig } from '../config/config.js';
import type { ProtocolModule } from '../protocols/protocol.js';
import { defaultProtocols } from '../protocols/registry.js';
import type { Finding } from '../rules/rule.js';
import type { Session } from '../session/session.js';
import { type AlignStep, align } from './align.js';
import { paramDifferences } from './compare-params.js';
import { atLeast, newFindings } from './findings.js';
import { pairMovedPeriodic } from './moves.js';
import { pairSessions } from './pair-sessions.js';
import { intervalDrifts } from './timing.js';
import type { Difference, DiffResult, SessionPairSummary } from './types.js';

/** One capture, as an `Inspector` holds it. */
export interface DiffSide {
  sessions(): readonly Session[];
  findings(): readonly Finding[];
}

export interface DiffOptions {
  /** The config's `diff` section, resolved (default: the defaults). */
  config?: ResolvedConfig['diff'];
  protocols?: readonly ProtocolModule[];
  /** Pair sessions by this parameter's value (`entryId`, …) rather than by order. */
  pair?: string;
  /**
   * The candidate is still playing (the panel): baseline events after its last aligned one, and
   * baseline sessions it has not started yet, are pending rather than missing.
   */
  live?: boolean;
}

/**
 * Compares a candidate capture with a golden baseline: sessions paired, events aligned by sequence
 * alignment on their codes, then per aligned event its parameters, the spacing of periodic events and
 * the findings the candidate has that the baseline had not.
 */
export function diffCaptures(baseline: DiffSide, candidate: DiffSide, options: DiffOptions = {}): DiffResult {
  const config = options.config ?? resolveConfig().diff;
  const protocols = options.protocols ?? defaultProtocols;
  const differences: Difference[] = [];
  const pairs: SessionPairSummary[] = [];
  const findingsA = bySession(baseline.findings());
  const findingsB = bySession(candidate.findings());

  for (const [a, b] of pairSessions(baseline.sessions(), candidate.sessions(), options.pair)) {
    const session = (a ?? b)!;
    const protocol = protocols.find((p) => p.id === session.protocol);
    if (!protocol) continue;
    if (!a || !b) {
      if (!b && options.live) {
        pairs.push(summary(a, b, 0, a!.beacons.length));
        continue;
      }
      const side = a ? 'baseline' : 'candidate';
      differences.push({
        kind: a ? 'session-missing' : 'session-added',
        protocol: session.protocol,
        ...(a ? { baselineSession: a.id } : { candidateSession: session.id }),
        message: `${protocol.label} session ${session.id || '(no session id)'} of the ${side} (${session.beacons.length} beacons) has no partner in the ${a ? 'candidate' : 'baseline'}`,
        matters: true,
      });
      pairs.push(summary(a, b, 0, 0));
      continue;
    }
    const result = diffPair(a, b, protocol, config, options.live === true);
    differences.push(...result.differences);
    const mapped = new Map<number, number>();
    for (const s of result.steps)
      if (s.kind === 'match') mapped.set(b.beacons[s.b]!.index, a.beacons[s.a]!.index);
    for (const f of newFindings(findingsA.get(a.key) ?? [], findingsB.get(b.key) ?? [], (i) =>
      mapped.get(i),
    )) {
      differences.push(
        findingDifference(f, config, { protocol: a.protocol, baselineSession: a.id, candidateSession: b.id }),
      );
    }
    pairs.push(summary(a, b, result.aligned, result.pending));
  }
  // Findings about no session (an expectation on a protocol that sent nothing).
  for (const f of newFindings(findingsA.get('') ?? [], findingsB.get('') ?? [], () => undefined)) {
    differences.push(findingDifference(f, config, f.protocol ? { protocol: f.protocol } : {}));
  }
  const matter = differences.filter((d) => d.matters).length;
  return {
    pairs,
    differences,
    equivalent: matter === 0,
    summary: { differences: differences.length, matter, ignored: differences.length - matter },
  };
}

function diffPair(
  a: Session,
  b: Session,
  protocol: ProtocolModule,
  config: ResolvedConfig['diff'],
  live: boolean,
): { differences: Difference[]; steps: AlignStep[]; aligned: number; pending: number } {
  const periodic = (code: string) => protocol.eventSpec(code)?.periodic === true;
  // A periodic event weighs less: when one swapped places with another event, the other stays aligned
  // and the periodic pair is joined up again as moved.
  const steps = pairMovedPeriodic(
    align(
      a.beacons,
      b.beacons,
      (x, y) => x.event.code === y.event.code,
      (x) => (periodic(x.event.code) ? 1 : 2),
    ),
    (i) => a.beacons[i]!.event.code,
    (i) => b.beacons[i]!.event.code,
    periodic,
  );
  const pair = { protocol: a.protocol, baselineSession: a.id, candidateSession: b.id };
  const lastMatch = steps.findLastIndex((s) => s.kind === 'match');
  const out: Difference[] = [];
  let aligned = 0;
  let pending = 0;
  steps.forEach((step, i) => {
    if (step.kind === 'match') {
      aligned++;
      const x = a.beacons[step.a]!;
      const y = b.beacons[step.b]!;
      const base = { ...pair, event: label(x), baselineBeacon: x.index, candidateBeacon: y.index };
      out.push(
        ...paramDifferences(x, y, {
          protocol,
          ignore: config.ignoreParams,
          allowValueChange: config.allowValueChange,
          base,
        }),
      );
      return;
    }
    if (step.kind === 'only-a' && live && i > lastMatch) {
      pending++;
      return;
    }
    const beacon = step.kind === 'only-a' ? a.beacons[step.a]! : b.beacons[step.b]!;
    const missing = step.kind === 'only-a';
    out.push({
      ...pair,
      kind: missing ? 'event-missing' : 'event-added',
      event: label(beacon),
      ...(missing ? { baselineBeacon: beacon.index } : { candidateBeacon: beacon.index }),
      message: missing
        ? `${label(beacon)} is missing: the baseline sent it (#${beacon.index})${after(a.beacons, step.a)}`
        : `${label(beacon)} was added (#${beacon.index})${after(b.beacons, (step as { b: number }).b)}`,
      matters: !ignoredEvent(config, protocol, beacon),
    });
  });
  for (const d of intervalDrifts(a, b, steps, protocol, config.timingTolerance)) {
    const x = a.beacons[d.a]!;
    out.push({
      ...pair,
      kind: 'timing',
      event: label(x),
      baselineBeacon: x.index,
      candidateBeacon: b.beacons[d.b]!.index,
      baseline: `${round(d.baselineSeconds)} s`,
      candidate: `${round(d.candidateSeconds)} s`,
      message: `${label(x)} came ${round(d.candidateSeconds)} s after the previous one, the baseline ${round(d.baselineSeconds)} s (tolerance ${config.timingTolerance} s)`,
      matters: true,
    });
  }
  return { differences: out, steps, aligned, pending };
}

function findingDifference(
  f: Finding,
  config: ResolvedConfig['diff'],
  pair: Pick<Difference, 'protocol' | 'baselineSession' | 'candidateSession'>,
): Difference {
  const beacons = f.beacons.length ? ` (#${f.beacons.join(', #')})` : '';
  const d: Difference = {
    ...pair,
    kind: 'new-finding',
    rule: f.rule,
    severity: f.severity,
    message: `new ${f.severity} ${f.rule}${beacons}: ${f.message}`,
    matters: atLeast(f.severity, config.findingSeverity) && !config.ignoreRules.includes(f.rule),
  };
  if (f.beacons[0] !== undefined) d.candidateBeacon = f.beacons[0];
  return d;
}

function ignoredEvent(config: ResolvedConfig['diff'], protocol: ProtocolModule, beacon: Beacon): boolean {
  const name = beacon.event.name.toLowerCase();
  return config.ignoreEvents.some(
    (e) => e.protocol === protocol.id && (e.event === beacon.event.code || e.event.toLowerCase() === name),
  );
}

/** Findings by session key ('' for those about no session). */
function bySession(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.sessionId === undefined || !f.protocol ? '' : `${f.protocol}:${f.sessionId}`;
    const list = out.get(key);
    if (list) list.push(f);
    else out.set(key, [f]);
  }
  return out;
}

function summary(
  a: Session | undefined,
  b: Session | undefined,
  aligned: number,
  pending: number,
): SessionPairSummary {
  const s: SessionPairSummary = {
    protocol: (a ?? b)!.protocol,
    baselineBeacons: a?.beacons.length ?? 0,
    candidateBeacons: b?.beacons.length ?? 0,
    aligned,
    pending,
  };
  if (a) s.baselineSession = a.id;
  if (b) s.candidateSession = b.id;
  return s;
}

export function label(beacon: Beacon): string {
  return `${beacon.event.name} (${beacon.event.code})`;
}

/** ", after <previous event>" to place an event that has no partner. */
function after(beacons: readonly Beacon[], position: number): string {
  const previous = beacons[position - 1];
  return previous ? `, after ${label(previous)}` : ', first of its session';
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
