import type { TruthEvent, TruthVideo } from './record.js';

/** A real viewer-level event, derived from the media events, that beacons may report. */
export type RealEventKind = 'start' | 'resume' | 'pause' | 'seek' | 'ended' | 'source';

export interface RealEvent {
  kind: RealEventKind;
  time: number;
  /** Playhead seconds (a seek's target). */
  position: number;
  /** Seeks: where from. */
  from?: number;
  /** Seeks: when it completed (`seeked`). */
  end?: number;
  /**
   * Players may or may not report it (the browser's own pause at the end, the seek back to 0 of a
   * replay, a seek before the first play): a missing beacon is no finding, a beacon for it is real.
   */
  optional: boolean;
}

export interface QuartileCrossing {
  /** 0.25, 0.5, 0.75 or 1. */
  fraction: number;
  /** When the playhead passed it by playing (1: when the media ended). */
  time: number;
}

/** The playhead between two media events: it moves at `rate` when `advancing`. */
interface Anchor {
  time: number;
  position: number;
  advancing: boolean;
  rate: number;
  seeking: boolean;
}

export const QUARTILE_FRACTIONS: readonly number[] = [0.25, 0.5, 0.75, 1];

/**
 * The playback of one `<video>` as the page really ran it: playhead at any time, watched seconds over a
 * span, the viewer-level events and the quartiles reached by playing.
 */
export class VideoPlayback {
  readonly id: string;
  readonly label: string;
  readonly events: readonly RealEvent[];
  readonly crossings: readonly QuartileCrossing[];
  /** Last known finite duration, seconds. */
  readonly duration: number | undefined;
  /**
   * Whether the recorder saw the element from its first load (false: it was there before recording began,
   * so events just before the recording are unknown).
   */
  readonly seenFromLoad: boolean;
  /** First and last media event times. */
  readonly first: number;
  readonly last: number;
  private readonly anchors: Anchor[];

  constructor(video: TruthVideo) {
    this.id = video.id;
    this.label = video.label;
    const sorted = [...video.events].sort((a, b) => a.time - b.time);
    this.first = sorted[0]?.time ?? 0;
    this.seenFromLoad = sorted[0] !== undefined && sorted[0].type !== 'sample';
    this.last = sorted.at(-1)?.time ?? 0;
    this.anchors = anchorsOf(sorted);
    this.duration = [...sorted].reverse().find((e) => finite(e.duration) && (e.duration ?? 0) > 0)?.duration;
    this.events = realEvents(sorted, this.duration);
    this.crossings = crossingsOf(this.anchors, sorted, this.duration);
  }

  /** Whether the video played at all (the playhead advanced while playing). */
  played(): boolean {
    return this.watchedBetween(this.first, this.last) > 0;
  }

  /** Real playhead at a time, seconds (undefined before the first event). */
  positionAt(time: number): number | undefined {
    const i = this.anchorIndex(time);
    if (i < 0) return undefined;
    return this.positionIn(i, time);
  }

  /** Lowest and highest real playhead over [t0, t1] (a seek within reaches both sides). */
  positionRange(t0: number, t1: number): [number, number] | undefined {
    const values: number[] = [];
    const a = this.positionAt(t0);
    const b = this.positionAt(t1);
    if (a !== undefined) values.push(a);
    if (b !== undefined) values.push(b);
    for (const [i, anchor] of this.anchors.entries()) {
      if (anchor.time < t0 || anchor.time > t1) continue;
      values.push(anchor.position);
      if (i > 0) values.push(this.positionIn(i - 1, anchor.time));
    }
    if (!values.length) return undefined;
    return [Math.min(...values), Math.max(...values)];
  }

  /** Highest playhead reached up to a time (by playing or seeking). */
  maxPositionUntil(time: number): number {
    let max = 0;
    for (const [i, anchor] of this.anchors.entries()) {
      if (anchor.time > time) break;
      max = Math.max(max, anchor.position);
      if (i > 0) max = Math.max(max, this.positionIn(i - 1, anchor.time));
    }
    const now = this.positionAt(time);
    return Math.max(max, now ?? 0);
  }

  /** Wall-clock seconds the video really played (its playhead moving) between two times. */
  watchedBetween(t0: number, t1: number): number {
    let ms = 0;
    for (const [i, a] of this.anchors.entries()) {
      if (!a.advancing) continue;
      const next = this.anchors[i + 1];
      const end = next ? next.time : this.last;
      // A segment whose next sample shows no progress was stalled without saying so.
      if (next && !next.seeking && next.position <= a.position) continue;
      ms += Math.max(0, Math.min(end, t1) - Math.max(a.time, t0));
    }
    return ms / 1000;
  }

  /** The playhead curve as (time, position) polylines, broken at seeks, for timelines. */
  playheadLines(): { time: number; position: number }[][] {
    const lines: { time: number; position: number }[][] = [];
    let line: { time: number; position: number }[] = [];
    for (const [i, a] of this.anchors.entries()) {
      if (i > 0) {
        const before = this.positionIn(i - 1, a.time);
        if (Math.abs(before - a.position) > 0.5) {
          line.push({ time: a.time, position: before });
          lines.push(line);
          line = [];
        }
      }
      line.push({ time: a.time, position: a.position });
    }
    if (line.length) lines.push(line);
    return lines;
  }

  private anchorIndex(time: number): number {
    let lo = 0;
    let hi = this.anchors.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.anchors[mid] as Anchor).time <= time) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private positionIn(i: number, time: number): number {
    const a = this.anchors[i] as Anchor;
    if (!a.advancing) return a.position;
    const moved = a.position + ((time - a.time) / 1000) * a.rate;
    const next = this.anchors[i + 1];
    // Between two samples the playhead moved as they say (the element's clock, not ours).
    if (next && !next.seeking && next.position >= a.position && next.time > a.time) {
      const share = Math.min(1, (time - a.time) / (next.time - a.time));
      return a.position + share * (next.position - a.position);
    }
    return this.duration !== undefined ? Math.min(moved, this.duration) : moved;
  }
}

function finite(v: number | undefined): v is number {
  return v !== undefined && Number.isFinite(v);
}

function anchorsOf(events: readonly TruthEvent[]): Anchor[] {
  let paused = true;
  let stalled = false;
  let seeking = false;
  let ended = false;
  let rate = 1;
  const out: Anchor[] = [];
  for (const e of events) {
    if (finite(e.rate)) rate = e.rate;
    switch (e.type) {
      case 'play':
        paused = false;
        stalled = true;
        ended = false;
        break;
      case 'playing':
        // Also what a recorder attached to a video already playing says first.
        paused = false;
        stalled = false;
        break;
      case 'pause':
        paused = true;
        break;
      case 'waiting':
        stalled = true;
        break;
      case 'seeking':
        seeking = true;
        break;
      case 'seeked':
        seeking = false;
        break;
      case 'ended':
        ended = true;
        break;
      case 'emptied':
      case 'loadstart':
        paused = true;
        ended = false;
        break;
      default:
        break;
    }
    out.push({
      time: e.time,
      position: e.position,
      advancing: !paused && !stalled && !seeking && !ended,
      rate,
      seeking: e.type === 'seeking',
    });
  }
  return out;
}

function realEvents(events: readonly TruthEvent[], duration: number | undefined): RealEvent[] {
  const out: RealEvent[] = [];
  let playedOnce = false;
  let ended = false;
  let src: string | undefined;
  for (const [i, e] of events.entries()) {
    switch (e.type) {
      case 'play':
        out.push({
          kind: playedOnce && !ended ? 'resume' : 'start',
          time: e.time,
          position: e.position,
          optional: false,
        });
        playedOnce = true;
        ended = false;
        break;
      case 'pause': {
        // The browser pauses by itself at the end, just before `ended`.
        const atEnd =
          events.slice(i + 1).some((n) => n.type === 'ended' && n.time - e.time < 1000) ||
          (duration !== undefined && e.position >= duration - 0.5);
        out.push({ kind: 'pause', time: e.time, position: e.position, optional: atEnd });
        break;
      }
      case 'seeking': {
        const seek: RealEvent = {
          kind: 'seek',
          time: e.time,
          position: e.position,
          optional: ended || !playedOnce || (e.from !== undefined && Math.abs(e.position - e.from) < 0.5),
        };
        if (e.from !== undefined) seek.from = e.from;
        const done = events.slice(i + 1).find((n) => n.type === 'seeked' || n.type === 'seeking');
        if (done?.type === 'seeked') seek.end = done.time;
        out.push(seek);
        break;
      }
      case 'ended':
        out.push({ kind: 'ended', time: e.time, position: e.position, optional: false });
        ended = true;
        break;
      case 'loadstart':
        if (src !== undefined && e.src && e.src !== src)
          out.push({ kind: 'source', time: e.time, position: e.position, optional: false });
        if (e.src) src = e.src;
        playedOnce = false;
        ended = false;
        break;
      default:
        break;
    }
  }
  return out;
}

function crossingsOf(
  anchors: readonly Anchor[],
  events: readonly TruthEvent[],
  duration: number | undefined,
): QuartileCrossing[] {
  if (duration === undefined) return [];
  const out: QuartileCrossing[] = [];
  for (const [i, a] of anchors.entries()) {
    const next = anchors[i + 1];
    if (!a.advancing || !next || next.seeking || next.position <= a.position) continue;
    for (const fraction of QUARTILE_FRACTIONS) {
      if (fraction === 1) continue;
      const at = fraction * duration;
      if (a.position < at && next.position >= at) {
        const share = (at - a.position) / (next.position - a.position);
        out.push({ fraction, time: a.time + share * (next.time - a.time) });
      }
    }
  }
  for (const e of events) if (e.type === 'ended') out.push({ fraction: 1, time: e.time });
  return out.sort((x, y) => x.time - y.time);
}
