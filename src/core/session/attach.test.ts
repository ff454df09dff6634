import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JW_START, jwRequest, jwRequests, vodPings } from '../../../test/helpers/jw-session.js';
import {
  KAVA_ENDPOINT,
  KavaSession,
  realPlayerSession,
  SESSION_START,
  withParams,
} from '../../../test/helpers/kava-session.js';
import { getRequest } from '../../../test/helpers/requests.js';
import { cleanStatsSession, statsRequest } from '../../../test/helpers/stats-session.js';
import type { CapturedRequest } from '../capture/captured-request.js';
import { importHar } from '../capture/har-import.js';
import { Inspector } from '../inspector.js';
import type { Finding } from '../rules/rule.js';
import { ATTACH_GAP_MS } from './attach.js';

/** A stats beacon with its `event:sessionId` left out (the encoded-key style of the helper). */
function withoutStatsSessionId(request: CapturedRequest): CapturedRequest {
  const url = request.url.replace(/&event%3AsessionId=[^&]*/, '');
  expect(url).not.toBe(request.url);
  return { ...request, url };
}

function inspect(requests: readonly CapturedRequest[]): Inspector {
  const inspector = new Inspector();
  inspector.addAll(requests);
  return inspector;
}

/** Errors and warnings (clean sessions have infos: fields the document requires that players omit). */
const problems = (findings: readonly Finding[]) => findings.filter((f) => f.severity !== 'info');
const rulesOf = (inspector: Inspector) =>
  problems(inspector.findings()).map((f) => `${f.rule} ${f.beacons.join(',')}`);

describe('a beacon without session id joins its session by context', () => {
  it('stats: a Play without event:sessionId gives one missing-id finding and no order errors', () => {
    const requests = cleanStatsSession();
    requests[2] = withoutStatsSessionId(requests[2]!);
    const inspector = inspect(requests);
    expect(inspector.sessions().map((s) => [s.id, s.beacons.map((b) => b.index)])).toEqual([
      ['BE9F3DA9-4CAD-09AA-69B2-D9627E509311', [0, 1, 2, 3, 4, 5, 6, 7, 8]],
    ]);
    expect(rulesOf(inspector)).toEqual(['stats/missing-required 2']);
    const [finding] = inspector.findings();
    expect(finding?.message).toContain('event:sessionId');
    expect(finding?.sessionId).toBe('BE9F3DA9-4CAD-09AA-69B2-D9627E509311');
    expect(inspector.sessionOf(2)?.id).toBe('BE9F3DA9-4CAD-09AA-69B2-D9627E509311');
  });

  it('KAVA: a View without sessionId is seen in place by the sequence rules', () => {
    const requests = realPlayerSession();
    requests[5] = withParams(requests[5]!, { sessionId: null });
    const inspector = inspect(requests);
    expect(inspector.sessions()).toHaveLength(1);
    expect(rulesOf(inspector)).toEqual(['kava/missing-required 5']);
    // The session's findings, and the beacon's, name it once.
    const key = inspector.sessions()[0]!.key;
    expect(problems(inspector.findingsForSession(key)).map((f) => f.rule)).toEqual(['kava/missing-required']);
    expect(problems(inspector.findingsForBeacon(5)).map((f) => f.rule)).toEqual(['kava/missing-required']);
  });

  it('on a recording of the real Kaltura player, a Pause that lost its sessionId is one finding', () => {
    const har = readFileSync(new URL('../../../test/fixtures/kaltura.har', import.meta.url), 'utf8');
    const requests = importHar(har).requests;
    const clean = inspect(requests);
    const pause = clean.beacons().findIndex((b) => b.event.code === '33');
    const at = requests.indexOf(clean.beacons()[pause]!.request);
    requests[at] = withParams(requests[at]!, { sessionId: null });
    const inspector = inspect(requests);
    expect(inspector.sessions()).toHaveLength(clean.sessions().length);
    expect(rulesOf(inspector)).toEqual([...rulesOf(clean), `kava/missing-required ${pause}`]);
  });

  it('JW: a time ping without pli stays in its play', () => {
    const requests = jwRequests(vodPings());
    requests[4] = { ...requests[4]!, url: requests[4]!.url.replace(/&pli=[^&]*/, '') };
    const inspector = inspect(requests);
    expect(inspector.sessions()).toHaveLength(1);
    expect(rulesOf(inspector)).toEqual(['jw/missing-required 4']);
  });

  it('one beacon at a time places it as a whole capture does', () => {
    const requests = cleanStatsSession();
    requests[4] = withoutStatsSessionId(requests[4]!);
    const one = new Inspector();
    for (const r of requests) {
      const beacon = one.add(r)!;
      expect(one.sessionOf(beacon.index)?.id).toBe('BE9F3DA9-4CAD-09AA-69B2-D9627E509311');
    }
    expect(rulesOf(one)).toEqual(rulesOf(inspect(requests)));
  });

  it('joins the session that sent last before it when two play the same entry', () => {
    const first = cleanStatsSession({ sessionId: 'FIRST' });
    const second = cleanStatsSession({ sessionId: 'SECOND' }).map((r) => ({
      ...r,
      startTime: r.startTime + 120_000,
      url: r.url.replace(/eventTimestamp=\d+/, (m) => `eventTimestamp=${Number(m.split('=')[1]) + 120_000}`),
    }));
    second[3] = withoutStatsSessionId(second[3]!);
    const inspector = inspect([...first, ...second]);
    expect(inspector.sessions().map((s) => [s.id, s.beacons.length])).toEqual([
      ['FIRST', 9],
      ['SECOND', 9],
    ]);
    expect(inspector.sessionOf(12)?.id).toBe('SECOND');
    expect(rulesOf(inspector)).toEqual(['stats/missing-required 12']);
  });
});

describe('a beacon without session id that no session fits stays on its own', () => {
  it('when its entry differs', () => {
    const requests = cleanStatsSession();
    requests.push(withoutStatsSessionId(statsRequest({ type: 3, at: 70, fields: { entryId: '0_other' } })));
    const inspector = inspect(requests);
    expect(inspector.sessions().map((s) => s.id)).toEqual(['BE9F3DA9-4CAD-09AA-69B2-D9627E509311', '']);
  });

  it('when it comes before every session of its kind (the player’s usage beacon)', () => {
    // Kaltura's player sends this with navigator.sendBeacon before KAVA's first beacon (docs/real-player.md).
    const usage = getRequest(
      `${KAVA_ENDPOINT}?service=analytics&action=trackEvent&eventType=1&partnerId=2215841&entryId=1_w9zx2eti&&`,
      { startTime: SESSION_START - 500, initiatorType: 'beacon' },
    );
    const inspector = inspect([usage, ...realPlayerSession()]);
    const [alone, real] = inspector.sessions();
    expect(alone?.id).toBe('');
    expect(alone?.beacons.map((b) => b.index)).toEqual([0]);
    expect(real?.beacons).toHaveLength(15);
    // The real session is clean: nothing in it is blamed on the stray beacon.
    expect(problems(inspector.findingsForSession(real!.key))).toEqual([]);
  });

  it('when its session went quiet longer ago than the attach gap', () => {
    const session = new KavaSession();
    const requests = realPlayerSession(session);
    const late = session.send(1, 37.96 + (ATTACH_GAP_MS + 1000) / 1000, 0, { sessionId: '' });
    const inspector = inspect(requests);
    expect(inspector.sessionOf(requests.indexOf(late))?.id).toBe('');
  });

  it('and a session that never had ids stays one session (setMedia without a session)', () => {
    const inspector = inspect(realPlayerSession(new KavaSession('')));
    expect(inspector.sessions().map((s) => [s.id, s.beacons.length])).toEqual([['', 15]]);
  });

  it('and a JW ping without pli or media id has no context', () => {
    const requests = jwRequests(vodPings());
    requests.push(jwRequest({ e: 't', at: 70, fields: { pli: undefined, id: undefined } }));
    expect(requests.at(-1)?.startTime).toBe(JW_START + 70_000);
    expect(
      inspect(requests)
        .sessions()
        .map((s) => s.id),
    ).toEqual(['f5e4d3c2b1a0', '']);
  });
});
