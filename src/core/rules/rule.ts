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
  /**
   * The same problem recurs on many beacons (a wrong value on every one): the drafts of one rule in one
   * session with the same `key` become one finding that lists every beacon. From the second beacon on
   * its message is `message` (the problem without this beacon's own details, no final stop) followed by
   * the count: "… on 9 of 9 beacons.", then `note` when given (a sentence with a leading space).
   */
  group?: { key: string; message: string; note?: string };
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Session key's id part; absent for findings about no session. */
  sessionId?: string;
  protocol?: ProtocolId;
  /** `Session.key` of the session (the playback, when one id holds several) it concerns. */
  session?: string;
  /** One sentence a QA engineer understands; a finding on several beacons ends with their count. */
  message: string;
  /** Indices of the beacons it concerns (Beacon.index), in the order they were found. */
  beacons: number[];
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
