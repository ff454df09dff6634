import { groupFindings, sessionKeyOf } from '../rules/finding-groups.js';
import type { Finding } from '../rules/rule.js';
import type { Session } from '../session/session.js';
import { firstPassing } from '../sorted.js';
import { type EventCategory, eventCategory } from './event-category.js';
import { clock, tickValues } from './ticks.js';

export interface TimelineOptions {
  /** Size of the drawing in pixels (default 800 × 220). */
  width?: number;
  height?: number;
  /**
   * The video's real playhead (ground truth: `VideoPlayback.playheadLines()`), drawn beside the reported
   * one; the part inside the session's time span is kept.
   */
  truth?: readonly (readonly { time: number; position: number }[])[];
}

export interface Tick {
  /** Pixel coordinate along the axis. */
  at: number;
  /** Seconds from the session start (x) or playhead seconds (y). */
  value: number;
  label: string;
}

export interface Point {
  x: number;
  y: number;
}

export interface EventMarker extends Point {
  beacon: number;
  time: number;
  /** Playhead seconds at the beacon, when known. */
  position?: number;
  code: string;
  name: string;
  category: EventCategory;
  /** Worst error/warning among the findings that concern this beacon. */
  severity?: 'error' | 'warning';
  /** Rule ids of those findings. */
  rules: string[];
}

export interface Band {
  kind: 'pause' | 'seek' | 'buffering';
  x0: number;
  x1: number;
  /** Still open at the end of the capture. */
  open: boolean;
  beacons: number[];
  /** Seeks: where from and to, in playhead seconds, when known. */
  from?: number;
  to?: number;
}

/** Pure geometry of one session's timeline: the panel's SVG and the HTML report both draw from it. */
export interface TimelineGeometry {
  width: number;
  height: number;
  /** The plotting area inside the axes. */
  plot: { x: number; y: number; width: number; height: number };
  /** Wall-clock epoch ms at the left and right edges. */
  start: number;
  end: number;
  /** Playhead seconds at the top edge (the bottom is 0). */
  maxPosition: number;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Playhead-over-time polylines, broken at seeks and jumps back. */
  playhead: Point[][];
  /** The real playhead over the same axes (empty without ground truth). */
  truthPlayhead: Point[][];
  bands: Band[];
  markers: EventMarker[];
  /** Findings of the session that point at no beacon of it (an event that never came). */
  sessionFindings: Finding[];
  /** Where this playback began, when it continues another of the same player (a change of media). */
  playbackStart?: { x: number; label: string };
}

const MARGIN = { left: 48, right: 12, top: 12, bottom: 28 };

/** Lays out a session: x = wall-clock time, y = playhead position. */
export function timelineGeometry(
  session: Session,
  findings: readonly Finding[] = [],
  options: TimelineOptions = {},
): TimelineGeometry {
  const width = options.width ?? 800;
  const height = options.height ?? 220;
  const plot = {
    x: MARGIN.left,
    y: MARGIN.top,
    width: Math.max(1, width - MARGIN.left - MARGIN.right),
    height: Math.max(1, height - MARGIN.top - MARGIN.bottom),
  };
  const { playback, beacons } = session;
  const times = range(beacons, (b) => b.time);
  const start = playback.firstTime ?? (beacons.length ? times.min : 0);
  const lastTime = playback.lastTime ?? (beacons.length ? times.max : start);
  // A one-beacon session still gets a readable one-second axis.
  const end = Math.max(lastTime, start + 1000);
  // A decoded position can be anything a beacon said (`1e999`): only finite ones shape the axis.
  const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : 0);
  const truth = clipLines(options.truth ?? [], start, end);
  const maxPosition = Math.max(
    1,
    finite(playback.duration),
    range(playback.playhead, (p) => finite(p.position)).max,
    ...truth.map((line) => range(line, (p) => finite(p.position)).max),
  );

  const x = (time: number) => plot.x + ((time - start) / (end - start)) * plot.width;
  const y = (position: number) =>
    plot.y + plot.height - (Math.min(maxPosition, Math.max(0, finite(position))) / maxPosition) * plot.height;

  const xTicks = tickValues((end - start) / 1000, Math.max(2, Math.floor(plot.width / 80))).map((s) => ({
    at: x(start + s * 1000),
    value: s,
    label: s < 60 ? `${s}s` : clock(s),
  }));
  const yTicks = tickValues(maxPosition, Math.max(2, Math.floor(plot.height / 30))).map((s) => ({
    at: y(s),
    value: s,
    label: clock(s),
  }));

  const { byBeacon } = groupFindings(findings);
  const sessionFindings = findings.filter((f) => f.beacons.length === 0 && sessionKeyOf(f) === session.key);

  const positionOf = playheadAt(session);
  const markers = beacons.map((b): EventMarker => {
    const position = positionOf(b.index, b.time);
    const concerning = byBeacon.get(b.index) ?? [];
    const marker: EventMarker = {
      x: x(b.time),
      y: y(position ?? 0),
      beacon: b.index,
      time: b.time,
      code: b.event.code,
      name: b.event.name,
      category: eventCategory(b.event.name),
      rules: [...new Set(concerning.map((f) => f.rule))],
    };
    if (position !== undefined) marker.position = position;
    if (concerning.some((f) => f.severity === 'error')) marker.severity = 'error';
    else if (concerning.some((f) => f.severity === 'warning')) marker.severity = 'warning';
    return marker;
  });

  const bands: Band[] = [];
  for (const [kind, list] of [
    ['pause', playback.pauses],
    ['buffering', playback.buffering],
  ] as const) {
    for (const i of list) {
      bands.push({
        kind,
        x0: x(i.start),
        x1: x(i.end ?? lastTime),
        open: i.end === undefined,
        beacons: i.beacons,
      });
    }
  }
  for (const s of playback.seeks) {
    const band: Band = { kind: 'seek', x0: x(s.time), x1: x(s.time), open: false, beacons: [s.beacon] };
    if (s.from !== undefined) band.from = s.from;
    if (s.to !== undefined) band.to = s.to;
    bands.push(band);
  }

  const geometry: TimelineGeometry = {
    width,
    height,
    plot,
    start,
    end,
    maxPosition,
    xTicks,
    yTicks,
    playhead: playheadLines(session).map((line) => line.map((p) => ({ x: x(p.time), y: y(p.position) }))),
    truthPlayhead: truth.map((line) => line.map((p) => ({ x: x(p.time), y: y(p.position) }))),
    bands,
    markers,
    sessionFindings,
  };
  if (session.follows !== undefined)
    geometry.playbackStart = { x: x(start), label: playbackStartLabel(session) };
  return geometry;
}

/** "Playback 2 · entry 1_b · change of media, same session id". */
function playbackStartLabel(session: Session): string {
  const parts = [`Playback ${session.playbackNumber ?? 1}`];
  if (session.playback.entryId) parts.push(`entry ${session.playback.entryId}`);
  const sameId = (session.playbackNumber ?? 1) > 1;
  parts.push(`change of media, ${sameId ? 'same' : 'new'} session id`);
  return parts.join(' · ');
}

/** The parts of polylines inside [start, end], cut at the edges. */
function clipLines(
  lines: readonly (readonly { time: number; position: number }[])[],
  start: number,
  end: number,
): { time: number; position: number }[][] {
  type P = { time: number; position: number };
  const cut = (p: P, q: P, time: number): P => ({
    time,
    position: p.position + ((q.position - p.position) * (time - p.time)) / (q.time - p.time || 1),
  });
  const out: P[][] = [];
  for (const line of lines) {
    const kept: P[] = [];
    line.forEach((p, i) => {
      const prev = line[i - 1];
      if (p.time >= start && p.time <= end) {
        if (prev && prev.time < start) kept.push(cut(prev, p, start));
        kept.push(p);
      } else if (prev && prev.time < start && p.time > end) kept.push(cut(prev, p, start), cut(prev, p, end));
      else if (prev && p.time > end && prev.time <= end) kept.push(cut(prev, p, end));
    });
    if (kept.length > 1) out.push(kept);
  }
  return out;
}

/**
 * Splits the playhead curve where it jumps: at a seek, or where the position goes back (replay). A
 * seek's own point may carry the position before the jump (KAVA `position`) or after it (stats
 * `newPoint`): whichever of `from` / `to` it is closer to decides on which side the line breaks.
 */
function playheadLines(session: Session): { time: number; position: number }[][] {
  const points = [...session.playback.playhead].sort((a, b) => a.time - b.time);
  const indexOfBeacon = new Map(points.map((p, i) => [p.beacon, i]));
  const breakBefore = new Set<number>();
  for (const seek of session.playback.seeks) {
    const own = indexOfBeacon.get(seek.beacon);
    if (own !== undefined) {
      const at = points[own]!.position;
      const nearTo =
        seek.to !== undefined && Math.abs(at - seek.to) < Math.abs(at - (seek.from ?? -Infinity));
      breakBefore.add(nearTo ? own : own + 1);
    } else {
      breakBefore.add(firstPassing(points, (p) => p.time > seek.time));
    }
  }
  const lines: { time: number; position: number }[][] = [];
  let current: { time: number; position: number }[] = [];
  points.forEach((p, i) => {
    const prev = current[current.length - 1];
    if (prev && (breakBefore.has(i) || p.position < prev.position)) {
      lines.push(current);
      current = [];
    }
    current.push(p);
  });
  if (current.length) lines.push(current);
  return lines;
}

/** Playhead at a beacon: its own point when it has one, else the last known position before it. */
export function playheadAt(session: Session): (beacon: number, time: number) => number | undefined {
  const points = [...session.playback.playhead].sort((a, b) => a.time - b.time);
  const byBeacon = new Map(points.map((p) => [p.beacon, p.position]));
  return (beacon, time) =>
    byBeacon.get(beacon) ?? points[firstPassing(points, (p) => p.time > time) - 1]?.position;
}

/**
 * Smallest and largest `value` over a list (±Infinity when empty), in a loop: `Math.min(...list)` overflows
 * the stack on a session of 100 000 beacons.
 */
function range<T>(list: readonly T[], value: (item: T) => number): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const item of list) {
    const v = value(item);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
