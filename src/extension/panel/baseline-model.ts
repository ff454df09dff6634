import type { CapturedRequest } from '../../core/capture/captured-request.js';
import { type DiffSide, diffCaptures } from '../../core/diff/diff.js';
import type { DiffResult } from '../../core/diff/types.js';
import { Inspector } from '../../core/inspector.js';
import type { Session } from '../../core/session/session.js';

export interface Baseline {
  /** What the user pinned: "S2 · KAVA" or the imported file's name. */
  label: string;
  inspector: Inspector;
  /** The live session it was pinned from, which is not compared with itself. */
  pinnedKey?: string;
}

/**
 * The panel's golden baseline: a pinned session of the capture, or an imported HAR. The live capture
 * is compared with it as it plays: per baseline session, the newest live session of its protocol that
 * is not the pinned one, with baseline events not reached yet counted as still to come.
 */
export class BaselineModel {
  baseline: Baseline | undefined;

  pinSession(live: Inspector, session: Session, label: string): void {
    this.baseline = {
      label,
      inspector: copy(
        live,
        session.beacons.map((b) => b.request),
      ),
      pinnedKey: session.key,
    };
  }

  importRequests(live: Inspector, requests: readonly CapturedRequest[], label: string): void {
    this.baseline = { label, inspector: copy(live, requests) };
  }

  clear(): void {
    this.baseline = undefined;
  }

  /** The live capture's differences from the baseline, or undefined without a baseline. */
  diff(live: Inspector): DiffResult | undefined {
    const baseline = this.baseline;
    if (!baseline) return undefined;
    const wanted = new Map<string, number>();
    for (const s of baseline.inspector.sessions()) wanted.set(s.protocol, (wanted.get(s.protocol) ?? 0) + 1);
    const candidates = live.sessions().filter((s) => s.key !== baseline.pinnedKey);
    // The newest sessions of each protocol, as many as the baseline has, in their order.
    const chosen = new Set<Session>();
    for (const [protocol, count] of wanted) {
      for (const s of candidates.filter((c) => c.protocol === protocol).slice(-count)) chosen.add(s);
    }
    const sessions = candidates.filter((s) => chosen.has(s));
    const keys = new Set(sessions.map((s) => s.key));
    const candidate: DiffSide = {
      sessions: () => sessions,
      findings: () => live.findings().filter((f) => keys.has(`${f.protocol}:${f.sessionId}`)),
    };
    return diffCaptures(baseline.inspector, candidate, { config: live.config.diff, live: true });
  }
}

/** The requests decoded again by an inspector of their own, with the live one's config. */
function copy(live: Inspector, requests: readonly CapturedRequest[]): Inspector {
  const inspector = new Inspector({ config: live.config, protocols: live.protocols });
  inspector.addAll(requests);
  return inspector;
}
