import type { CapturedRequest } from './capture/captured-request.js';
import type { ParamSpec, ProtocolId } from './protocols/protocol.js';

/** One parameter as sent, decoded, with its spec row when the protocol knows it. */
export interface DecodedParam {
  /** Canonical key (`event:eventType` also for `event%3AeventType` and `event[eventType]`). */
  key: string;
  /** The key as it appeared on the wire, when it differs from `key`. */
  wireKey?: string;
  /** Value percent-decoded once (what the player meant to send). */
  value: string;
  /** Value exactly as on the wire. */
  raw: string;
  /** For double-encoded values (referrer): decoded once more, for display only. */
  display?: string;
  /** Where the parameter came from. */
  source: 'query' | 'body';
  /** Undefined when the protocol does not know this parameter: kept, marked unknown. */
  spec?: ParamSpec;
  /** Set when percent-decoding failed; `value` then holds the raw text. */
  decodeError?: string;
}

export interface Beacon {
  /** Position in the capture (input order), stable within one report. */
  index: number;
  protocol: ProtocolId;
  /** Epoch milliseconds the beacon was sent. */
  time: number;
  event: { code: string; name: string; known: boolean };
  /** Empty string when the beacon carries none. */
  sessionId: string;
  params: DecodedParam[];
  /** First value of each canonical key, for rules: `values.eventType`. */
  values: Readonly<Record<string, string>>;
  malformed?: string;
  detail?: string;
  request: CapturedRequest;
}

/** Whether a parameter is present with a non-empty value. */
export function hasValue(beacon: Beacon, key: string): boolean {
  const v = beacon.values[key];
  return v !== undefined && v !== '';
}
