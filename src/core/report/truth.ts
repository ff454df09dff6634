import type { Session } from '../session/session.js';
import { videoFor } from '../truth/context.js';
import { type RealEventKind, VideoPlayback } from '../truth/playback.js';
import { redactTruth, type TruthEvent, type TruthRecord } from '../truth/record.js';
import type { ReportOptions, ReportSource } from './source.js';

/** The JSON report's `truth` section: per video what it really did, and its media events. */
export interface TruthJson {
  start: string;
  end?: string;
  videos: {
    id: string;
    label: string;
    duration?: number;
    /** Seconds the video really played. */
    watchedSeconds: number;
    /** The element's `played` ranges at its last pause or end, seconds. */
    played: [number, number][];
    /** Sessions (`protocol:id`) reconciled with this video. */
    sessions: string[];
    events: { time: string; kind: RealEventKind; position: number; from?: number }[];
    /** The media events as recorded (times epoch ms), to judge again. */
    media: TruthEvent[];
  }[];
}

export function truthJson(source: ReportSource, options: ReportOptions = {}): TruthJson | undefined {
  const record = source.truth?.();
  if (!record) return undefined;
  const shown = options.redact === false ? record : redactTruth(record);
  const sessions = source.sessions();
  const videos = playbacks(record);
  const out: TruthJson = { start: iso(record.start), videos: [] };
  if (record.end !== undefined) out.end = iso(record.end);
  for (const [i, v] of videos.entries()) {
    const raw = shown.videos.find((r) => r.id === v.id);
    const played = [...(raw?.events ?? [])].reverse().find((e) => e.played)?.played ?? [];
    const video: TruthJson['videos'][number] = {
      id: v.id,
      label: v.label,
      watchedSeconds: round(v.watchedBetween(v.first, v.last)),
      played,
      sessions: sessions.filter((s) => videoFor(s, videos) === videos[i]).map((s) => s.key),
      events: v.events.map((e) => {
        const ev: TruthJson['videos'][number]['events'][number] = {
          time: iso(e.time),
          kind: e.kind,
          position: round(e.position),
        };
        if (e.from !== undefined) ev.from = round(e.from);
        return ev;
      }),
      media: raw?.events ?? [],
    };
    if (v.duration !== undefined) video.duration = v.duration;
    out.videos.push(video);
  }
  return out;
}

/** One line per video for the text report: what it really did. */
export function truthTextLines(source: ReportSource): string[] {
  const record = source.truth?.();
  if (!record) return [];
  const videos = playbacks(record);
  if (!videos.length) return ['Ground truth: no <video> element played.'];
  return videos.map((v) => {
    const count = (kind: RealEventKind) => v.events.filter((e) => e.kind === kind && !e.optional).length;
    const parts = [`played ${tenth(v.watchedBetween(v.first, v.last))} s`];
    if (v.duration !== undefined) parts[0] += ` of ${tenth(v.duration)} s`;
    parts.push(`${count('pause')} pause(s)`, `${count('seek')} seek(s)`);
    if (v.events.some((e) => e.kind === 'ended')) parts.push('ended');
    return `Ground truth: ${v.label} (${v.id}) ${parts.join(', ')}`;
  });
}

/** The real playhead of the video a session reports, for its timeline. */
export function truthLinesFor(source: ReportSource, session: Session) {
  const record = source.truth?.();
  if (!record) return undefined;
  return videoFor(session, playbacks(record))?.playheadLines();
}

function playbacks(record: TruthRecord): VideoPlayback[] {
  return record.videos.filter((v) => v.events.length).map((v) => new VideoPlayback(v));
}

const iso = (ms: number) => new Date(ms).toISOString();
const round = (v: number) => Math.round(v * 1000) / 1000;
const tenth = (v: number) => Math.round(v * 10) / 10;
