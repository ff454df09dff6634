import { describe, expect, it } from 'vitest';
import { KavaSession, kavaFindings, SESSION_START } from '../../../../test/helpers/kava-session.js';
import type { CapturedRequest } from '../../capture/captured-request.js';
import { Inspector } from '../../inspector.js';
import { kava } from './index.js';

/**
 * Seek while paused, as Kaltura's player does it: Pause, then Seek and the quartiles the seek skipped
 * (KAVA sends them on the seek's timeupdate, still paused: its timer stays stopped), then Resume.
 */
function pausedSeek(pauseSeconds: number, reset: boolean): KavaSession {
  const s = new KavaSession();
  s.startPlaying();
  s.send(99, 1.5, 0);
  s.send(99, 11.5, 10);
  s.send(33, 13, 11.5);
  s.send(35, 14, 30, { targetPosition: 30 });
  s.send(11, 14, 30);
  if (reset) s.resetSession();
  s.send(4, 13 + pauseSeconds, 30);
  return s;
}

const rulesOf = (requests: readonly CapturedRequest[]) =>
  kavaFindings(requests).map((f) => `${f.severity} ${f.rule} ${f.beacons}`);

describe('seek while paused: quartiles are no proof that playback resumed', () => {
  it('a pause of 30 s or more with a seek inside it is the player’s session reset', () => {
    const rules = rulesOf(pausedSeek(35, true).requests);
    expect(rules).toContain('info kava/session-reset 8');
    expect(rules.filter((r) => !r.startsWith('info'))).toEqual([]);
  });

  it('a restart at 1 after a shorter pause with a seek inside it is still an error', () => {
    expect(rulesOf(pausedSeek(20, true).requests).filter((r) => !r.startsWith('info'))).toEqual([
      'error kava/event-index-sequence 7,8',
    ]);
  });

  it('one pause resets once per reset time: a second restart 10 s after the first is an error', () => {
    const s = new KavaSession();
    s.startPlaying();
    s.send(33, 5, 3.5);
    s.resetSession();
    s.send(35, 40, 30, { targetPosition: 30 });
    s.send(11, 40, 30);
    s.resetSession();
    s.send(4, 50, 30);
    const rules = rulesOf(s.requests);
    expect(rules).toContain('info kava/session-reset 4');
    expect(rules.filter((r) => !r.startsWith('info'))).toEqual(['error kava/event-index-sequence 5,6']);
    // after another full reset time paused, the second restart is the player's again
    const later = s.requests.slice(0, -1);
    const resumed = new KavaSession();
    resumed.resetSession();
    const resume = resumed.send(4, 70, 30);
    expect(rulesOf([...later, resume]).filter((r) => !r.startsWith('info'))).toEqual([]);
  });

  it('time paused after the seek’s quartiles is not counted as play by kava/view-interval', () => {
    const s = pausedSeek(8, false);
    s.send(99, 29.5, 38.5);
    expect(rulesOf(s.requests).filter((r) => !r.startsWith('info'))).toEqual([]);
    // a View that really came late is still reported
    const late = pausedSeek(8, false);
    late.send(99, 35, 44);
    expect(rulesOf(late.requests).filter((r) => !r.startsWith('info'))).toEqual([
      'warning kava/view-interval 4,9',
    ]);
  });

  it('the timeline keeps the pause open until the Resume', () => {
    const inspector = new Inspector({ protocols: [kava] });
    inspector.addAll(pausedSeek(8, false).requests);
    const pauses = inspector.sessions()[0]!.playback.pauses;
    expect(pauses.map((p) => [p.start - SESSION_START, p.end! - SESSION_START])).toEqual([[13_000, 21_000]]);
  });
});
