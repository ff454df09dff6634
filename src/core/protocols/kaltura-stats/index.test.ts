import { describe, expect, it } from 'vitest';
import { getRequest, postRequest } from '../../../../test/helpers/requests.js';
import {
  cleanStatsSession,
  STATS_BASE,
  statsQuery,
  statsRequest,
} from '../../../../test/helpers/stats-session.js';
import { Inspector } from '../../inspector.js';
import { kalturaStats } from './index.js';

const SEED_URL =
  'http://stats.kaltura.com//api_v3/index.php? service=stats&action=collect&event%3AsessionId=BE9F3DA9%2D4CAD%2D09AA%2D69B2%2DD9627E509311&event%3AeventType=';

function decode(request = getRequest(SEED_URL)) {
  const inspector = new Inspector({ protocols: [kalturaStats] });
  return inspector.add(request);
}

describe('kaltura-stats recognition', () => {
  it('recognises the seed document example with //api_v3 and event%3A keys', () => {
    const beacon = decode();
    expect(beacon?.protocol).toBe('kaltura-stats');
    expect(beacon?.sessionId).toBe('BE9F3DA9-4CAD-09AA-69B2-D9627E509311');
    expect(beacon?.event).toEqual({ code: '', name: 'No event type', known: false });
    const sessionParam = beacon?.params.find((p) => p.key === 'event:sessionId');
    expect(sessionParam?.wireKey).toBe('event%3AsessionId');
    expect(sessionParam?.spec?.name).toBe('Session ID');
  });

  it('ignores other services on the same API path and other paths', () => {
    const kava = getRequest(
      'https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent',
    );
    const other = getRequest('https://example.com/stats?service=stats&action=collect');
    expect(kalturaStats.recognise(kava, new URL(kava.url))).toBe(false);
    expect(kalturaStats.recognise(other, new URL(other.url))).toBe(false);
  });

  it('recognises service and action written in the path, as newer client libraries send them', () => {
    const request = getRequest(
      `https://stats.kaltura.com/api_v3/service/stats/action/collect?${statsQuery({ type: 3, at: 0 })}`,
    );
    expect(kalturaStats.recognise(request, new URL(request.url))).toBe(true);
    expect(decode(request)?.event.name).toBe('Play');
    const kava = getRequest(
      'https://analytics.kaltura.com/api_v3/service/analytics/action/trackEvent?eventType=3',
    );
    expect(kalturaStats.recognise(kava, new URL(kava.url))).toBe(false);
  });

  it('recognises a URL that new URL refuses, using the raw string', () => {
    const request = getRequest(`http://[bad/api_v3/index.php?${statsQuery({ type: 3, at: 0 })}`);
    expect(kalturaStats.recognise(request, undefined)).toBe(true);
    expect(kalturaStats.decode(request, undefined).eventCode).toBe('3');
  });
});

describe('kaltura-stats decoding', () => {
  it('canonicalises the bracket form to event: and keeps the wire key', () => {
    const beacon = decode(statsRequest({ type: 3, at: 2 }, { style: 'bracket' }));
    expect(beacon?.event).toEqual({ code: '3', name: 'Play', known: true });
    const partner = beacon?.params.find((p) => p.key === 'event:partnerId');
    expect(partner?.wireKey).toBe('event%5BpartnerId%5D');
    expect(beacon?.values['event:partnerId']).toBe('1234');
  });

  it('reads the plain colon form with no wire key', () => {
    const beacon = decode(statsRequest({ type: 2, at: 1 }, { style: 'colon' }));
    expect(beacon?.event.name).toBe('Media Loaded (view)');
    expect(beacon?.params.find((p) => p.key === 'event:entryId')?.wireKey).toBeUndefined();
  });

  it('reads a POST form body', () => {
    const request = postRequest(STATS_BASE, statsQuery({ type: 1, at: 0 }));
    const beacon = decode(request);
    expect(beacon?.event.name).toBe('Widget Loaded');
    expect(beacon?.params.every((p) => p.source === 'body')).toBe(true);
    expect(beacon?.sessionId).toBe('BE9F3DA9-4CAD-09AA-69B2-D9627E509311');
  });

  it('keeps unknown parameters, marked unknown, and decodes the referrer once more for display', () => {
    const url = `${STATS_BASE}?${statsQuery({ type: 3, at: 0, fields: { mystery: 'x' } })}&custom=1`;
    const beacon = decode(getRequest(url));
    expect(beacon?.params.find((p) => p.key === 'event:mystery')?.spec).toBeUndefined();
    expect(beacon?.params.find((p) => p.key === 'custom')?.value).toBe('1');
    const referrer = beacon?.params.find((p) => p.key === 'event:referrer');
    expect(referrer?.value).toBe('https%3A%2F%2Fexample.com%2Fwatch%3Fv%3D1');
    expect(referrer?.display).toBe('https://example.com/watch?v=1');
  });

  it('marks bad percent-encoding as malformed without throwing', () => {
    const beacon = decode(
      getRequest(`${STATS_BASE}?service=stats&action=collect&event%3AeventType=3&event%3AentryId=%E0%A4%A`),
    );
    expect(beacon?.malformed).toMatch(/percent-encoding/);
    expect(beacon?.event.code).toBe('3');
  });

  it('names unknown event types', () => {
    expect(kalturaStats.eventName('41')).toBe('Unknown event 41');
    expect(kalturaStats.eventName('17')).toBe('Seek');
  });
});

describe('kaltura-stats playback', () => {
  it('builds playhead, buffering, seeks and the end from a session', () => {
    const inspector = new Inspector({ protocols: [kalturaStats] });
    inspector.addAll(cleanStatsSession());
    inspector.add(statsRequest({ type: 17, at: 62, position: 59, fields: { seek: 1, newPoint: 10_000 } }));
    inspector.add(statsRequest({ type: 16, at: 63, position: 0 }));
    const [session] = inspector.sessions();
    const playback = session?.playback;
    expect(playback?.duration).toBe(60);
    expect(playback?.partnerId).toBe('1234');
    expect(playback?.entryId).toBe('0_abcd1234');
    expect(playback?.buffering).toEqual([
      { start: 1_700_000_005_000, end: 1_700_000_006_000, beacons: [3, 4] },
    ]);
    expect(playback?.seeks).toEqual([{ time: 1_700_000_062_000, from: 59, to: 10, beacon: 9 }]);
    expect(playback?.playhead.map((p) => p.position)).toEqual([0, 0, 0, 3, 3, 15, 30, 45, 59, 10, 0]);
    expect(playback?.playThroughs).toBe(2);
    expect(playback?.ended).toBe(false);
  });
});

describe('kaltura-stats playback of the Android SDK', () => {
  it('reads its playhead in seconds (event:clientVer playkit/android-…)', () => {
    const inspector = new Inspector({ protocols: [kalturaStats] });
    const android = { clientVer: 'playkit/android-3.5.0' };
    inspector.add(statsRequest({ type: 3, at: 0, fields: { ...android, currentPoint: 0 } }));
    inspector.add(statsRequest({ type: 17, at: 5, fields: { ...android, currentPoint: 40 } }));
    const playback = inspector.sessions()[0]?.playback;
    expect(playback?.playhead.map((p) => p.position)).toEqual([0, 40]);
    expect(playback?.seeks.map((s) => s.to)).toEqual([40]);
  });
});

describe('kaltura-stats spec table', () => {
  it('names the 40 event types and requires the mandatory parameters on every event', () => {
    expect(kalturaStats.spec.events).toHaveLength(40);
    expect(['1', '2', '4', '7', '12', '20', '40'].map((c) => kalturaStats.eventName(c))).toEqual([
      'Widget Loaded',
      'Media Loaded (view)',
      'Play reached 25%',
      'Play reached 100%',
      'Buffer Start',
      'Close Editor',
      'Postroll 75',
    ]);
    expect(kalturaStats.spec.commonRequired).toEqual([
      'event:uiconfId',
      'event:partnerId',
      'event:entryId',
      'event:sessionId',
      'event:duration',
      'event:referrer',
      'event:eventTimestamp',
    ]);
    expect(kalturaStats.paramSpec('ks')?.secret).toBe(true);
    expect(kalturaStats.paramSpec('event:referrer')?.doubleEncoded).toBe(true);
    for (const p of kalturaStats.spec.params) expect(p.name.length * p.description.length).toBeGreaterThan(0);
  });
});
