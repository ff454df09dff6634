import type { ProtocolId } from '../protocols/protocol.js';
import type { Severity } from '../rules/rule.js';

export type DifferenceKind =
  | 'session-missing'
  | 'session-added'
  | 'event-missing'
  | 'event-added'
  | 'param-removed'
  | 'param-added'
  | 'value-changed'
  | 'format-changed'
  | 'timing'
  | 'new-finding';

/** One way the candidate capture differs from the baseline. */
export interface Difference {
  kind: DifferenceKind;
  /** Absent only for a new finding about no session and no protocol. */
  protocol?: ProtocolId;
  /** Session ids ('' for none) of the pair it belongs to; one side only for a session missing or added. */
  baselineSession?: string;
  candidateSession?: string;
  /** Event label, e.g. "Play (3)". */
  event?: string;
  /** Canonical parameter key. */
  param?: string;
  /** What the baseline / candidate had: a value, a kind of value, an interval. */
  baseline?: string;
  candidate?: string;
  /** Beacon.index in each capture. */
  baselineBeacon?: number;
  candidateBeacon?: number;
  /** For a new finding: its rule and severity. */
  rule?: string;
  severity?: Severity;
  /** One sentence a QA engineer understands. */
  message: string;
  /** False when the config says this difference does not matter (it is still reported). */
  matters: boolean;
}

export interface SessionPairSummary {
  protocol: ProtocolId;
  baselineSession?: string;
  candidateSession?: string;
  baselineBeacons: number;
  candidateBeacons: number;
  /** Events found on both sides. */
  aligned: number;
  /**
   * Live comparison: baseline events after the candidate's last aligned one, not yet due (the session
   * is still playing), so not counted as missing.
   */
  pending: number;
}

export interface DiffResult {
  pairs: SessionPairSummary[];
  differences: Difference[];
  /** No difference that matters. */
  equivalent: boolean;
  summary: { differences: number; matter: number; ignored: number };
}
