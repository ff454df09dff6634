import type { Beacon } from '../beacon.js';
import type { ResolvedConfig } from '../config/config.js';
import type { ProtocolId, ProtocolModule } from '../protocols/protocol.js';
import type { Session } from '../session/session.js';

export type Severity = 'error' | 'warning' | 'info';

/** A finding as a rule reports it; the engine adds rule id, severity and session. */
export interface FindingDraft {
  /** One sentence a QA engineer understands: what was expected, what was seen. */
  message: string;
  /** Indices of the beacons it concerns (Beacon.index). */
  beacons: number[];
}

export interface Finding extends FindingDraft {
  rule: string;
  severity: Severity;
  /** Session key's id part; absent for findings about no session. */
  sessionId?: string;
  protocol?: ProtocolId;
  /** `Session.key` of the session (the playback, when one id holds several) it concerns. */
  session?: string;
}

export interface RuleEnv {
  config: ResolvedConfig;
  /** The protocol of the session being checked (its spec table, constants, send-time fields). */
  protocol: ProtocolModule;
}

/**
 * A rule: small pure functions over one session. `check` runs once per arriving beacon (so fed one
 * at a time or as a batch, the result is the same); `finish` judges what is missing at the end and is
 * evaluated on demand, never stored, so it reflects the session as it is now.
 */
export interface Rule<S = unknown> {
  id: string;
  /** Default severity; the config may override it or turn the rule off. */
  severity: Severity;
  /** Short title, e.g. "Event index sequence". */
  title: string;
  /** What the rule checks and why, for the panel's detail pane and the docs. */
  explanation: string;
  /** Per-session state, created when a session's first beacon arrives. */
  createState?(): S;
  check?(beacon: Beacon, session: Session, state: S, env: RuleEnv): FindingDraft[] | undefined;
  finish?(session: Session, state: S, env: RuleEnv): FindingDraft[] | undefined;
}

/** Keeps `S` inferred from `createState` while storing rules in one untyped list. */
export function defineRule<S>(rule: Rule<S>): Rule {
  return rule as Rule;
}
