import type { Beacon, DecodedParam } from '../beacon.js';
import type { CapturedRequest } from '../capture/captured-request.js';
import type { Rule } from '../rules/rule.js';
import type { PlaybackTracker } from '../session/playback.js';
import type { TruthMapping } from '../truth/mapping.js';

export type ProtocolId = 'kava' | 'kaltura-stats' | 'jw';

/** Value formats the spec tables name; `checkFormat` in params/formats.ts knows each. */
export type ParamFormat =
  | 'string'
  | 'integer'
  | 'number'
  | 'url'
  | 'timestamp-s-or-ms'
  | 'timestamp-ms'
  | 'enum'
  | 'entry-id'
  | 'boolean-01';

/** One row of a protocol's parameter table: drives the detail view, the required-field rules and docs. */
export interface ParamSpec {
  /** Canonical key, e.g. `eventType`, `event:partnerId`, `pw`. */
  key: string;
  /** Human name, e.g. "Partner ID". */
  name: string;
  description: string;
  format?: ParamFormat;
  /** Allowed values for `enum`, or a documentation of values. */
  values?: readonly string[];
  /** A credential: redacted in exports by default. */
  secret?: boolean;
  /** Value may be percent-encoded twice (referrer): decode once more for display, keep raw. */
  doubleEncoded?: boolean;
}

/** One row of a protocol's event table. */
export interface EventSpec {
  code: string;
  name: string;
  description?: string;
  /** Parameters that must be present and non-empty on this event (beyond the protocol's common ones). */
  required?: readonly string[];
  /** Parameters the document requires but real players do not send (reported as info only). */
  docRequired?: readonly string[];
  optional?: readonly string[];
}

export interface ProtocolSpec {
  params: readonly ParamSpec[];
  events: readonly EventSpec[];
  /** Required on every event. */
  commonRequired: readonly string[];
}

/** What a protocol's decoder returns; the engine adds index, time and the request. */
export interface DecodedBeacon {
  eventCode: string;
  sessionId: string;
  params: DecodedParam[];
  /** First value of each canonical key, when the decoder has built them (the engine need not again). */
  values?: Record<string, string>;
  /** Why the beacon could not be fully decoded (bad percent-encoding, unreadable body). */
  malformed?: string;
  /** Protocol-specific label shown beside the event (JW bucket, …). */
  detail?: string;
}

/**
 * One analytics protocol. Adding a protocol means writing one of these and registering it in
 * protocols/registry.ts; nothing else changes.
 */
export interface ProtocolModule {
  id: ProtocolId;
  /** Display name, e.g. "Kaltura KAVA". */
  label: string;
  spec: ProtocolSpec;
  /** Cheap test first (path / host substring), then parameters. Must never throw. */
  recognise(request: CapturedRequest, url: URL | undefined): boolean;
  /** Decode a recognised request. Must never throw: problems go into `malformed`. */
  decode(request: CapturedRequest, url: URL | undefined): DecodedBeacon;
  /** Event name for a code; unknown codes give "Unknown event N". */
  eventName(code: string): string;
  /** Parameters shown in compact timelines (text report, panel list). */
  keyParams: readonly string[];
  /** Parameters that differ between a beacon and its retry (send time, …): ignored by beacon/duplicate. */
  sendTimeParams: readonly string[];
  /** Parameters that must stay constant within a session (session/mixed-ids). */
  sessionConstants: readonly string[];
  /** This protocol's rules (generic beacon/… and expect/… rules are added by the engine). */
  rules: readonly Rule[];
  /** Builds the playhead/pause/seek/buffering picture of a session as beacons arrive. */
  createPlaybackTracker(): PlaybackTracker;
  /** How its beacons map to what the video really did (the `truth/…` rules); absent: not judged. */
  truth?: TruthMapping;
  /** Convenience for tests: lookups derived from `spec`. */
  paramSpec(key: string): ParamSpec | undefined;
  eventSpec(code: string): EventSpec | undefined;
}

export type { Beacon };
