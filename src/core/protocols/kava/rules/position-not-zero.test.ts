import { describe, expect, it } from 'vitest';
import { KavaSession, realPlayerSession, ruleFindings } from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/position-not-zero';

describe(RULE, () => {
  it('fires on a start event whose position is not 0 (the document’s own example sends 18)', () => {
    const s = new KavaSession();
    s.send(1, 0, 0);
    s.send(2, 1, 18);
    s.send(3, 1.5, 2);
    expect(ruleFindings(s.requests, RULE).map((f) => [f.severity, f.message, f.beacons])).toEqual([
      ['warning', 'Play Requested (2) has position 18: expected 0.', [1]],
      ['warning', 'Play (3) has position 2: expected 0.', [2]],
    ]);
  });

  it('is silent at 0, a few frames past it, and on other events', () => {
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
    const s = new KavaSession();
    s.send(1, 0, 0);
    s.send(2, 1, 0);
    s.send(3, 1.5, 0.04);
    s.send(99, 11.5, 10);
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });

  it('does not judge live streams, whose position is the time in the stream', () => {
    const s = new KavaSession();
    for (const [type, at] of [
      [1, 0],
      [2, 1],
      [3, 1.5],
    ]) {
      s.send(type!, at!, 3600, { playbackType: 'live' });
    }
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });

  it('does not judge the Impression of a change of media, which carries the previous entry’s playhead', () => {
    const s = new KavaSession();
    s.startPlaying();
    s.send(33, 17, 16.04);
    s.changeMedia('1_second01', 17.5, 16.04);
    s.send(2, 17.6, 0);
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
    // the same Impression without a change of entry stays a finding
    const same = new KavaSession();
    same.startPlaying();
    same.changeMedia(same.entryId, 17.5, 16.04);
    expect(ruleFindings(same.requests, RULE).map((f) => f.beacons)).toEqual([[3]]);
  });
});
