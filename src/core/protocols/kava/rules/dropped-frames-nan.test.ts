import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  kavaFindings,
  realPlayerSession,
  ruleFindings,
} from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/dropped-frames-nan';

/** Play and its View, the View's droppedFramesRatio as given. */
function viewWith(droppedFramesRatio: string): KavaSession {
  const s = new KavaSession();
  s.startPlaying();
  s.send(99, 1.5, 0, { droppedFramesRatio });
  return s;
}

describe(RULE, () => {
  it('notes KAVA’s own NaN (0/0 frames) as the player’s, instead of a suspicious value', () => {
    const findings = kavaFindings(viewWith('NaN').requests).filter(
      (f) => f.severity !== 'info' || f.rule === RULE,
    );
    expect(findings.map((f) => [f.rule, f.severity, f.message, f.beacons])).toEqual([
      [
        RULE,
        'info',
        'View (99) has droppedFramesRatio=NaN: KAVA’s own 0/0 (no frame decoded since the previous View), sent as is to the backend; not set by the integration.',
        [3],
      ],
    ]);
  });

  it('is silent on a number, and leaves other placeholders to beacon/suspicious-value', () => {
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
    const unset = kavaFindings(viewWith('undefined').requests);
    expect(unset.filter((f) => f.rule === RULE)).toEqual([]);
    expect(unset.filter((f) => f.rule === 'beacon/suspicious-value').map((f) => f.message)).toEqual([
      'Expected real values, got droppedFramesRatio=undefined.',
    ]);
    const s = new KavaSession();
    s.startPlaying();
    s.send(99, 1.5, 0, { playbackSpeed: 'NaN' });
    expect(ruleFindings(s.requests, 'beacon/suspicious-value').map((f) => f.beacons)).toEqual([[3]]);
  });
});
