import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  kavaFindings,
  realPlayerSession,
  replayFromEnd,
  resetPlayerSession,
  withParams,
} from '../../../../test/helpers/kava-session.js';
import { importHar } from '../../capture/har-import.js';
import { Inspector } from '../../inspector.js';
import { kava } from './index.js';

const defects = (findings: ReturnType<typeof kavaFindings>) => findings.filter((f) => f.severity !== 'info');

describe('what Kaltura’s own player sends', () => {
  it('a clean session (pause, seek, quartiles sent at once, Views over unpaused time) has no error or warning', () => {
    const findings = kavaFindings(realPlayerSession());
    expect(defects(findings)).toEqual([]);
    // only the document-only fields are worth a note
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['kava/missing-doc-field']));
  });

  it('a replay from the end (Seek to 0, buffering, Replay, then Resume) has no error or warning', () => {
    const session = new KavaSession();
    realPlayerSession(session);
    expect(defects(kavaFindings(replayFromEnd(session, 38.1)))).toEqual([]);
  });

  it('a session reset after a long pause is information, not an error', () => {
    const findings = kavaFindings(resetPlayerSession());
    expect(defects(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule === 'kava/session-reset')).toHaveLength(1);
  });

  it('two sessions on one page are judged apart', () => {
    const first = realPlayerSession(new KavaSession('a:1'));
    const second = realPlayerSession(new KavaSession('b:2', first.at(-1)!.startTime + 5000));
    const inspector = new Inspector({ protocols: [kava] });
    inspector.addAll([...first, ...second]);
    expect(inspector.sessions().map((s) => s.id)).toEqual(['a:1', 'b:2']);
    expect(defects(inspector.findings())).toEqual([]);
  });
});

describe('what KAVA 0.5.1 sends (node_modules/kava-0-5: its bundle, and test/fixtures/kaltura-kava-0-5.har)', () => {
  /** View fields KAVA 0.5.1 does not send yet (its View: playTimeSum, bufferTime(Sum), bitrates). */
  const NEWER_VIEW_FIELDS = [
    'audioLanguage',
    'captionsLanguage',
    'soundMode',
    'tabMode',
    'playbackSpeed',
    'droppedFramesRatio',
    'networkConnectionType',
  ];
  const view = (s: KavaSession, at: number, position: number) =>
    s.send(99, at, position, { playTimeSum: position }, { omit: NEWER_VIEW_FIELDS });

  it('no View with Play, applicationVersion, 100% at the duration, an Error with errorCode only: nothing wrong', () => {
    const s = new KavaSession();
    const old = { applicationVersion: '2.4.1' };
    s.send(1, 0, 0, old);
    s.send(2, 1, 0, old);
    s.send(3, 1.5, 0, old, { omit: ['canPlay', 'networkConnectionType'] });
    view(s, 12.5, 11);
    view(s, 22.5, 21);
    s.send(11, 23.5, 22);
    s.send(35, 24, 40, { targetPosition: 40 });
    s.send(12, 24, 40);
    s.send(13, 24, 40);
    view(s, 32.5, 48.5);
    s.send(14, 44, 60);
    s.send(33, 44, 60);
    s.send(98, 45, 60, { errorCode: 7003 });
    expect(defects(kavaFindings(s.requests))).toEqual([]);
  });
});

describe('captures of Kaltura’s player (test/fixtures, recorded by scripts/record-fixtures.mjs)', () => {
  const kavaFindingsOf = (name: string) => {
    const { requests } = importHar(
      readFileSync(new URL(`../../../../test/fixtures/${name}`, import.meta.url), 'utf8'),
    );
    const inspector = new Inspector({ protocols: [kava] });
    inspector.addAll(requests);
    expect(inspector.beacons().length).toBeGreaterThan(10);
    return inspector.findings();
  };

  it('a clean recording has no error or warning', () => {
    expect(defects(kavaFindingsOf('kaltura.har'))).toEqual([]);
  });

  it('a recording with a long pause shows the session reset, and nothing wrong', () => {
    const findings = kavaFindingsOf('kaltura-long-pause.har');
    expect(defects(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule === 'kava/session-reset')).toHaveLength(1);
  });
});

describe('incremental validation', () => {
  it('feeding beacons one at a time gives the batch’s findings', () => {
    const session = new KavaSession();
    const requests = realPlayerSession(session);
    // A messy capture: a lost beacon, a bad value, a repeat, a failed request, a quartile twice.
    requests.splice(6, 1);
    requests[3] = withParams(requests[3]!, { partnerId: 'abc' });
    requests.push({ ...requests[4]!, id: 'dup' });
    requests[8] = { ...requests[8]!, status: 0, error: 'net::ERR_BLOCKED_BY_CLIENT' };
    requests.push(session.send(13, 40, 40));

    const batch = new Inspector({ protocols: [kava] });
    batch.addAll(requests);

    const incremental = new Inspector({ protocols: [kava] });
    const growth: number[] = [];
    for (const request of requests) {
      incremental.add(request);
      // a panel reads findings after every beacon: that must not change what later beacons produce
      growth.push(incremental.findings().length);
    }
    expect(incremental.findings()).toEqual(batch.findings());
    expect(batch.summary().errors).toBeGreaterThan(0);
    expect(new Set(batch.findings().map((f) => f.rule))).toEqual(
      new Set([
        'kava/missing-doc-field',
        'kava/event-index-sequence',
        'kava/invalid-value',
        'beacon/duplicate',
        'beacon/http-error',
        'kava/quartile-repeated',
        'kava/order',
        'session/mixed-ids',
      ]),
    );
    expect(growth).toEqual([...growth].sort((a, b) => a - b));
  });
});
