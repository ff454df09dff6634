import { describe, expect, it } from 'vitest';
import { AUDIT_STEPS, simulateVideo, TRUTH_START } from '../../../test/helpers/truth-video.js';
import { VideoPlayback } from './playback.js';

const at = (s: number) => TRUTH_START + s * 1000;

describe('VideoPlayback', () => {
  const v = new VideoPlayback(simulateVideo(AUDIT_STEPS));

  it('knows the playhead at any time: moving while playing, still while paused, jumping at a seek', () => {
    expect(v.positionAt(at(6))).toBeCloseTo(5, 1);
    expect(v.positionAt(at(13.5))).toBeCloseTo(11, 1);
    expect(v.positionAt(at(20))).toBeCloseTo(52.5, 1);
    expect(v.positionAt(at(-1))).toBeUndefined();
    const [low, high] = v.positionRange(at(15.2), at(15.8)) ?? [];
    expect(low).toBeCloseTo(11.2, 1);
    expect(high).toBeGreaterThan(48);
  });

  it('counts the seconds really played, not the paused ones', () => {
    expect(v.watchedBetween(at(0), at(40))).toBeCloseTo(11 + 0.5 + 12, 0);
    expect(v.watchedBetween(at(12), at(15))).toBe(0);
  });

  it('derives the viewer events, the end pause optional, and the quartiles crossed by playing', () => {
    expect(v.events.map((e) => `${e.kind}${e.optional ? '?' : ''}`)).toEqual([
      'start',
      'pause',
      'resume',
      'seek',
      'pause?',
      'ended',
    ]);
    const seek = v.events.find((e) => e.kind === 'seek');
    expect(seek?.from).toBeCloseTo(11.5, 1);
    expect(seek?.position).toBe(48);
    // 25–75% were skipped by the seek: only the end was played through.
    expect(v.crossings.map((c) => c.fraction)).toEqual([1]);
    expect(v.duration).toBe(60);
  });

  it('a new source is a source change; the first one is not', () => {
    const changed = new VideoPlayback(
      simulateVideo([
        { at: 0, action: 'load', src: 'https://cdn.example.com/a.mp4' },
        { at: 1, action: 'play' },
        { at: 5, action: 'load', src: 'https://cdn.example.com/b.mp4' },
        { at: 6, action: 'play' },
        { at: 8, action: 'pause' },
      ]),
    );
    expect(changed.events.map((e) => e.kind)).toEqual(['start', 'source', 'start', 'pause']);
  });

  it('draws the real playhead as lines broken at the seek', () => {
    const lines = v.playheadLines();
    expect(lines.length).toBe(2);
    expect(lines[1]?.[0]?.position).toBe(48);
  });
});
