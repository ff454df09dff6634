import type { TruthEvent, TruthRecord, TruthVideo } from '../../src/core/truth/record.js';

/** Same base as the KAVA, stats and JW session builders. */
export const TRUTH_START = 1_700_000_000_000;

export type VideoStep =
  | { at: number; action: 'play' | 'pause' }
  | { at: number; action: 'seek'; to: number }
  | { at: number; action: 'load'; src?: string };

/**
 * What a `<video>` of `duration` seconds fires for these viewer actions (seconds after TRUTH_START), as
 * the media recorder records it: play → playing, a timeupdate sample every 250 ms while playing, seeking
 * (with from) → seeked, and pause → ended when the playhead reaches the end.
 */
export function simulateVideo(steps: readonly VideoStep[], duration = 60, id = 'video1'): TruthVideo {
  const events: TruthEvent[] = [];
  let position = 0;
  let playing = false;
  let now = 0;
  const push = (at: number, type: TruthEvent['type'], extra: Partial<TruthEvent> = {}) =>
    events.push({ time: TRUTH_START + Math.round(at * 1000), type, position, duration, ...extra });
  const advance = (until: number) => {
    while (playing && now + 0.25 <= until) {
      now += 0.25;
      position = Math.min(duration, position + 0.25);
      if (position >= duration) {
        playing = false;
        push(now, 'pause');
        push(now, 'ended');
        return;
      }
      push(now, 'sample');
    }
    if (playing && until > now) position = Math.min(duration, position + (until - now));
    now = until;
  };
  for (const step of steps) {
    advance(step.at);
    if (step.action === 'load') {
      position = 0;
      playing = false;
      push(step.at, 'loadstart', { src: step.src ?? 'https://cdn.example.com/video.mp4' });
      push(step.at, 'durationchange');
    } else if (step.action === 'play') {
      playing = true;
      push(step.at, 'play');
      push(step.at + 0.01, 'playing');
      now = step.at + 0.01;
    } else if (step.action === 'pause') {
      playing = false;
      push(step.at, 'pause');
    } else if (step.action === 'seek') {
      const from = position;
      position = step.to;
      push(step.at, 'seeking', { from });
      push(step.at + 0.02, 'seeked');
      now = step.at + 0.02;
    }
  }
  advance(now + duration * 2);
  return { id, label: `video#${id}`, events };
}

/** A finished recording of these videos, from 10 s before TRUTH_START to `tail` seconds after the last event. */
export function truthOf(videos: TruthVideo[], tail = 2): TruthRecord {
  const last = Math.max(TRUTH_START, ...videos.flatMap((v) => v.events.map((e) => e.time)));
  return { start: TRUTH_START - 10_000, end: last + tail * 1000, videos };
}

/** The default audit's viewing: play at 1 s, pause at 12 s, resume at 15 s, seek to 48 s at 15.5 s, end. */
export const AUDIT_STEPS: VideoStep[] = [
  { at: 0, action: 'load' },
  { at: 1, action: 'play' },
  { at: 12, action: 'pause' },
  { at: 15, action: 'play' },
  { at: 15.5, action: 'seek', to: 48 },
];
