import { describe, expect, it } from 'vitest';
import { KavaSession, kavaFindings, withParams } from '../../../../test/helpers/kava-session.js';
import { Inspector } from '../../inspector.js';
import { kava } from './index.js';

const ID = 'aaaa1111-2222-3333-4444-555566667777:bbbb1111-2222-3333-4444-555566667777';
/** What the generator makes for the second change: the same first guid, a new second one. */
const NEXT_ID = 'aaaa1111-2222-3333-4444-555566667777:cccc1111-2222-3333-4444-555566667777';

const defects = (findings: ReturnType<typeof kavaFindings>) =>
  findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.beacons}: ${f.message}`);

/** Plays the first entry to 16 s (a quartile, two Views), then changes media and plays 16 s of the next. */
function changeMedia(session = new KavaSession(ID)): KavaSession {
  session.startPlaying();
  session.send(99, 1.5, 0);
  session.send(99, 11.5, 10);
  session.send(11, 16.5, 15);
  session.changeMedia('1_second01', 17.5, 16.04);
  session.send(2, 17.6, 0);
  session.send(3, 17.7, 0.01);
  session.send(99, 17.7, 0.01);
  session.send(99, 27.7, 10);
  session.send(11, 32.7, 15);
  session.send(33, 33.7, 16);
  return session;
}

function inspect(session: KavaSession): Inspector {
  const inspector = new Inspector({ protocols: [kava] });
  inspector.addAll(session.requests);
  return inspector;
}

describe('change media in Kaltura’s player: one session id, several playbacks', () => {
  it('splits the session id at the Impression of the new entry, and finds nothing wrong', () => {
    const inspector = inspect(changeMedia());
    const sessions = inspector.sessions();
    expect(sessions.map((s) => [s.key, s.id, s.playbackNumber, s.follows, s.playback.entryId])).toEqual([
      [`kava:${ID}`, ID, 1, undefined, '1_w9zx2eti'],
      [`kava:${ID}#2`, ID, 2, `kava:${ID}`, '1_second01'],
    ]);
    expect(sessions.map((s) => s.beacons.length)).toEqual([6, 7]);
    // eventIndex restarting at 1, the new entryId, the second 25% and the Impression's stale playhead
    expect(defects(inspector.findings())).toEqual([]);
  });

  it('files each finding and each beacon under its own playback', () => {
    const session = changeMedia();
    session.send(13, 34, 16);
    const inspector = inspect(session);
    const [first, second] = inspector.sessions();
    expect(inspector.sessionOf(0)).toBe(first);
    expect(inspector.sessionOf(6)).toBe(second);
    const late = inspector.findingsForBeacon(13).map((f) => [f.rule, f.session]);
    expect(late).toEqual([['kava/order', second!.key]]);
    expect(inspector.findingsForSession(first!.key).map((f) => f.rule)).not.toContain('kava/order');
    expect(inspector.findingsForSession(second!.key).map((f) => f.rule)).toContain('kava/order');
  });

  it('still reports a change of entry without a new Impression', () => {
    const session = changeMedia();
    const requests = session.requests.filter((_, i) => i !== 6);
    const rules = kavaFindings(requests).filter((f) => f.severity !== 'info');
    expect(rules.map((f) => [f.rule, f.beacons])).toEqual([
      ['session/mixed-ids', [5, 6]],
      ['kava/event-index-sequence', [5, 6]],
      ['kava/quartile-repeated', [5, 10]],
    ]);
  });

  it('still reports a lost beacon inside the new playback', () => {
    const requests = changeMedia().requests.filter((_, i) => i !== 9);
    expect(defects(kavaFindings(requests))).toEqual([
      'kava/event-index-sequence 8,9: eventIndex 5 follows 3: expected 4 (1 beacon lost?).',
      'kava/view-interval 8,9: View came 10 s of unpaused play after Play: expected the first View with Play.',
    ]);
  });

  it('does not split at an Impression of the same entry (a second KAVA instance sends its own)', () => {
    const session = new KavaSession(ID);
    session.startPlaying();
    session.send(1, 2, 5, {}, { eventIndex: 1 });
    const inspector = inspect(session);
    expect(inspector.sessions()).toHaveLength(1);
    expect(defects(inspector.findings())).toEqual([
      'kava/event-index-sequence 2,3: eventIndex 1 follows 3: expected 4 (out of order?).',
      'kava/position-not-zero 3: Player Impression (1) has position 5: expected 0.',
    ]);
  });

  it('links the next change (a new session id of the same player): its Impression’s playhead is no finding', () => {
    const first = changeMedia();
    const next = new KavaSession(NEXT_ID, first.start);
    next.entryId = '1_third001';
    next.send(1, 34.7, 16.1);
    next.send(2, 34.8, 0);
    const inspector = new Inspector({ protocols: [kava] });
    inspector.addAll([...first.requests, ...next.requests]);
    const third = inspector.sessions()[2]!;
    expect([third.key, third.playbackNumber, third.follows]).toEqual([`kava:${NEXT_ID}`, 1, `kava:${ID}#2`]);
    expect(defects(inspector.findings())).toEqual([]);
  });

  it('reports a stale Impression position in a session that follows no playback of its player', () => {
    const other = new KavaSession(
      'dddd1111-2222-3333-4444-555566667777:eeee1111-2222-3333-4444-555566667777',
    );
    other.send(1, 0, 16.1);
    const requests = [...changeMedia().requests, ...other.requests];
    expect(defects(kavaFindings(requests))).toEqual([
      'kava/position-not-zero 13: Player Impression (1) has position 16.1: expected 0.',
    ]);
    // and an Impression mid-playback with a stale position is no change of media either
    const session = changeMedia();
    session.requests[6] = withParams(session.requests[6]!, { entryId: '1_w9zx2eti' });
    expect(defects(kavaFindings(session.requests))).toContain(
      'kava/position-not-zero 6: Player Impression (1) has position 16.04: expected 0.',
    );
  });
});
