import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  realPlayerSession,
  replayFromEnd,
  SESSION_START,
} from '../../../../test/helpers/kava-session.js';
import type { CapturedRequest } from '../../capture/captured-request.js';
import { Inspector } from '../../inspector.js';
import { timelineGeometry } from '../../timeline/timeline.js';
import { kava } from './index.js';

function playbackOf(requests: CapturedRequest[]) {
  const inspector = new Inspector({ protocols: [kava] });
  inspector.addAll(requests);
  const [session] = inspector.sessions();
  return session!.playback;
}

const at = (seconds: number) => SESSION_START + seconds * 1000;

describe('KAVA playback tracker', () => {
  it('draws the real player’s session: playhead, pauses, the seek, one play-through to the end', () => {
    const playback = playbackOf(realPlayerSession());
    expect(playback).toMatchObject({
      entryId: '1_w9zx2eti',
      partnerId: '2215841',
      playerVersion: '3.17.95',
      firstTime: at(0),
      lastTime: at(37.96),
      playThroughs: 1,
      ended: true,
    });
    expect(playback.playhead).toHaveLength(15);
    expect(playback.playhead[4]).toEqual({ time: at(12.45), position: 9.95, beacon: 4 });
    expect(playback.pauses).toEqual([
      { start: at(25), end: at(28), beacons: [8, 9] },
      { start: at(37.96), beacons: [14] },
    ]);
    expect(playback.seeks).toEqual([{ time: at(29), from: 23.5, to: 31, beacon: 10 }]);
    expect(playback.buffering).toEqual([]);
  });

  it('pairs Buffer Start and Buffer End into buffering intervals', () => {
    const s = new KavaSession();
    s.startPlaying();
    s.send(45, 5, 3.5);
    s.send(46, 6.2, 3.5);
    s.send(45, 8, 5.5);
    const playback = playbackOf(s.requests);
    expect(playback.buffering).toEqual([
      { start: at(5), end: at(6.2), beacons: [3, 4] },
      { start: at(8), beacons: [5] },
    ]);
  });

  it('counts a Replay as a new play-through, not doubled by its Play, and clears the end', () => {
    const s = new KavaSession();
    s.startPlaying();
    s.send(14, 41.5, 40);
    s.send(33, 41.6, 40);
    s.send(34, 50, 40);
    s.send(3, 50.2, 0);
    const playback = playbackOf(s.requests);
    expect(playback.playThroughs).toBe(2);
    expect(playback.ended).toBe(false);
    // the pause at the end closes when playing starts again
    expect(playback.pauses).toEqual([{ start: at(41.6), end: at(50), beacons: [4, 5] }]);
  });

  it('counts the recorded replay from the end (Replay then Resume) as a second play-through', () => {
    const s = new KavaSession();
    realPlayerSession(s);
    const playback = playbackOf(replayFromEnd(s, 38.1));
    expect(playback.playThroughs).toBe(2);
    expect(playback.ended).toBe(false);
    expect(playback.seeks.at(-1)).toMatchObject({ from: 40, to: 0 });
    expect(playback.buffering).toEqual([{ start: at(38.1), end: at(38.13), beacons: [16, 17] }]);
  });

  it('takes a Seek that reports its target as position (as the real player does) from the beacon before', () => {
    const s = new KavaSession();
    s.startPlaying();
    s.send(33, 10, 8.5);
    s.send(35, 12, 40, { targetPosition: 40 });
    s.send(4, 15, 40);
    const inspector = new Inspector({ protocols: [kava] });
    inspector.addAll(s.requests);
    const [session] = inspector.sessions();
    expect(session?.playback.seeks).toEqual([{ time: at(12), from: 8.5, to: 40, beacon: 4 }]);
    // The playhead line breaks before the Seek's point: no line drawn across the jump while paused.
    const lines = timelineGeometry(session!).playhead;
    expect(lines.map((line) => line.length)).toEqual([4, 2]);
  });

  it('skips a position that is no number', () => {
    const s = new KavaSession();
    s.send(1, 0, 0, { position: 'NaN' });
    s.send(2, 1, 0);
    expect(playbackOf(s.requests).playhead).toEqual([{ time: at(1), position: 0, beacon: 1 }]);
  });
});
