import type { Beacon, DecodedParam } from '../beacon.js';
import type { CapturedRequest } from '../capture/captured-request.js';
import type { Rule } from '../rules/rule.js';
import type { PlaybackTracker } from '../session/playback.js';
import type { Session } from '../session/session.js';
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
  /**
   * Values the real player itself computes for this parameter that look like an unset variable (KAVA's
   * droppedFramesRatio=NaN): `beacon/suspicious-value` leaves exactly these to the protocol's own rule.
   */
  playerValues?: readonly string[];
  /**
   * How a golden-session diff compares it: `value` when two runs of the same build send the same value
   * (partner, entry, player version, custom vars); `shape` for per-run values (ids, times, positions,
   * measurements), where only the kind of value (empty, number, text, its format) must stay;
   * `volatile` for a per-run value whose presence depends on timing too (KAVA's sessionStartTime waits
   * for a server answer): compared by shape when both runs send it, its absence in one is no change.
   */
  compare: ParamCompare;
}

export type ParamCompare = 'value' | 'shape' | 'volatile';

/** One row of a protocol's event table. */
export interface EventSpec {
  code: string;
  name: string;
  description?: string;
  /** Parameters that must be present and non-empty on this event (beyond the protocol's common ones). */
  required?: readonly string[];
  /** Sent at a regular interval (KAVA View, JW time ping): a golden-session diff compares its spacing. */
  periodic?: boolean;
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
  /**
   * What session headers call the playback's `entryId`, `partnerId` and `playerVersion`, when the
   * protocol's own names differ from "entry", "partner" and "player" (JW: Media ID, Analytics ID, App
   * version).
   */
  identityLabels?: { entry: string; partner: string; player: string };
  /**
   * Parameters (entry, partner) that place a beacon without session id in the session it belongs to
   * (session/attach.ts); without them such a beacon stays in a session of its own.
   */
  attachKeys?: readonly string[];
  /** This protocol's rules (generic beacon/… and expect/… rules are added by the engine). */
  rules: readonly Rule[];
  /** Builds the playhead/pause/seek/buffering picture of a session as beacons arrive. */
  createPlaybackTracker(): PlaybackTracker;
  /** Optional: how a player's playbacks map onto session ids, when one id can hold several. */
  playbacks?: PlaybackSplit;
  /** How its beacons map to what the video really did (the `truth/…` rules); absent: not judged. */
  truth?: TruthMapping;
  /** Convenience for tests: lookups derived from `spec`. */
  paramSpec(key: string): ParamSpec | undefined;
  eventSpec(code: string): EventSpec | undefined;
}

/**
 * A protocol whose player keeps the session id across a change of media says here where a new playback
 * starts, so that the inspector judges each playback as a session of its own (same id, its own key).
 */
export interface PlaybackSplit {
  /** Whether `beacon`, of session id `current.id`, starts a new playback instead of continuing `current`. */
  startsPlayback(beacon: Beacon, current: Session): boolean;
  /**
   * The player instance a session id comes from, when the id tells it: with `continues`, links a
   * player's consecutive playbacks across session ids (`Session.follows`).
   */
  playerOf?(sessionId: string): string | undefined;
  /** Whether the first beacon of a new session id continues `latest`, the same player's last playback. */
  continues?(beacon: Beacon, latest: Session): boolean;
}

export type { Beacon };
