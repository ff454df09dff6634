import type { ProtocolModule } from '../protocols/protocol.js';
import type { Session } from '../session/session.js';
import type { AlignStep } from './align.js';

export interface IntervalDrift {
  code: string;
  /** Positions in each session's beacons of the later event of the interval. */
  a: number;
  b: number;
  baselineSeconds: number;
  candidateSeconds: number;
}

/**
 * Intervals between consecutive periodic events (View, JW time pings) that drift from the baseline's
 * by more than `tolerance` seconds. An interval is compared only when both its ends are aligned with
 * each other: around a missing event the intervals differ, and that is the missing event's difference.
 */
export function intervalDrifts(
  baseline: Session,
  candidate: Session,
  steps: readonly AlignStep[],
  protocol: ProtocolModule,
  tolerance: number,
): IntervalDrift[] {
  const periodic = (code: string) => protocol.eventSpec(code)?.periodic === true;
  const lastA = new Map<string, number>();
  const lastB = new Map<string, number>();
  const partner = new Map<number, number>();
  const out: IntervalDrift[] = [];
  for (const step of steps) {
    if (step.kind === 'only-a') {
      const code = baseline.beacons[step.a]!.event.code;
      if (periodic(code)) lastA.set(code, step.a);
      continue;
    }
    if (step.kind === 'only-b') {
      const code = candidate.beacons[step.b]!.event.code;
      if (periodic(code)) lastB.set(code, step.b);
      continue;
    }
    const a = baseline.beacons[step.a]!;
    const code = a.event.code;
    if (!periodic(code)) continue;
    partner.set(step.a, step.b);
    const prevA = lastA.get(code);
    const prevB = lastB.get(code);
    lastA.set(code, step.a);
    lastB.set(code, step.b);
    if (prevA === undefined || prevB === undefined || partner.get(prevA) !== prevB) continue;
    const baselineSeconds = (a.time - baseline.beacons[prevA]!.time) / 1000;
    const candidateSeconds = (candidate.beacons[step.b]!.time - candidate.beacons[prevB]!.time) / 1000;
    if (Math.abs(candidateSeconds - baselineSeconds) > tolerance) {
      out.push({ code, a: step.a, b: step.b, baselineSeconds, candidateSeconds });
    }
  }
  return out;
}
