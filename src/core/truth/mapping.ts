import type { Beacon } from '../beacon.js';
import type { RealEventKind } from './playback.js';

/** A beacon selector: an event code, optionally only when a parameter has a value. */
export interface CodeMatch {
  code: string;
  param?: string;
  equals?: string;
}

/**
 * How a protocol's beacons map to what the video really did: a small declarative table in each protocol's
 * folder (`truth.ts`). Kinds a protocol does not list are not judged for it.
 */
export interface TruthMapping {
  /**
   * Beacons that report each real event. `reverse: false`: the code is also sent without that event (a
   * Setup ping on replay), so only a real event without a beacon is judged.
   */
  events: readonly { kind: RealEventKind; codes: readonly (string | CodeMatch)[]; reverse?: boolean }[];
  /** The reported playhead in seconds, from a beacon (undefined: this beacon does not report one). */
  playhead?: {
    /** Human description for messages, e.g. "position", "pw × vd / 128". */
    label: string;
    read(beacon: Beacon): number | undefined;
    /** Extra seconds of slack the protocol's unit costs (JW's 1/128ths of the duration). */
    resolution?(beacon: Beacon): number;
  };
  /** Watched time reported by the protocol. */
  watched?: {
    label: string;
    /** `cumulative`: a running sum (restarting when it goes down); `increment`: time since the last one. */
    mode: 'cumulative' | 'increment';
    read(beacon: Beacon): number | undefined;
    /** Extra seconds of slack for the unit (whole seconds). */
    resolution?: number;
  };
  /** Beacons that say a quartile / completion was reached. */
  quartiles?: readonly { fraction: number; match: string | CodeMatch }[];
}

/** Whether a beacon is the one a selector names. */
export function matchesCode(beacon: Beacon, match: string | CodeMatch): boolean {
  if (typeof match === 'string') return beacon.event.code === match;
  if (beacon.event.code !== match.code) return false;
  return match.param === undefined || beacon.values[match.param] === match.equals;
}

/** A parameter as a finite number. */
export function numberParam(beacon: Beacon, key: string): number | undefined {
  const raw = beacon.values[key];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}
