import { redactUrl } from '../redaction/redactor.js';

/**
 * Ground truth: what the page's `<video>` elements really did while beacons were captured, as the audit's
 * media recorder saw it. Plain JSON (it travels in reports and HAR files); times are epoch milliseconds on
 * the same wall clock as `Beacon.time`.
 */

/** The media element events the recorder keeps, plus `sample` (a throttled `timeupdate`). */
export type MediaEventType =
  | 'loadstart'
  | 'emptied'
  | 'durationchange'
  | 'play'
  | 'playing'
  | 'pause'
  | 'waiting'
  | 'seeking'
  | 'seeked'
  | 'ratechange'
  | 'ended'
  | 'sample';

export interface TruthEvent {
  /** Epoch ms when the event fired in the page. */
  time: number;
  type: MediaEventType;
  /** `currentTime` when the event fired, seconds. */
  position: number;
  /** Seeks: the playhead just before the seek (extrapolated from the last sample), seconds. */
  from?: number;
  /** `playbackRate` (on `ratechange`, and whenever it is not 1). */
  rate?: number;
  /** `duration` in seconds when finite (on `durationchange`, `loadstart`, `ended`). */
  duration?: number;
  /** `currentSrc` (on `loadstart` and `emptied`). */
  src?: string;
  /** The element's `played` ranges, seconds (on `pause` and `ended`). */
  played?: [number, number][];
}

export interface TruthVideo {
  /** Stable within a record: `video1`, `video2`, … in order of first event. */
  id: string;
  /** What identifies the element on the page (`video#player`, `video.vjs-tech`, in a shadow root…). */
  label: string;
  events: TruthEvent[];
}

export interface TruthRecord {
  /** Epoch ms when recording started and stopped (a capture's truth only covers that span). */
  start: number;
  end?: number;
  videos: TruthVideo[];
}

/** Whether a parsed JSON value is shaped like a `TruthRecord` (imported reports and HAR files). */
export function isTruthRecord(value: unknown): value is TruthRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Partial<TruthRecord>;
  return (
    typeof r.start === 'number' &&
    Array.isArray(r.videos) &&
    r.videos.every(
      (v) =>
        v &&
        typeof v.id === 'string' &&
        typeof v.label === 'string' &&
        Array.isArray(v.events) &&
        v.events.every((e) => e && typeof e.time === 'number' && typeof e.position === 'number'),
    )
  );
}

/** HAR files carry the truth in this custom field of `log` (HAR allows `_`-prefixed ones). */
export const HAR_TRUTH_FIELD = '_playerInspectorTruth';

/**
 * A copy whose media URLs have their secrets replaced (a `ks` in the query, or Kaltura's `/ks/<token>/`
 * path segment), as every export does by default.
 */
export function redactTruth(record: TruthRecord): TruthRecord {
  return {
    ...record,
    videos: record.videos.map((v) => ({
      ...v,
      events: v.events.map((e) => (e.src ? { ...e, src: redactUrl(e.src) } : e)),
    })),
  };
}
