import { describe, expect, it } from 'vitest';
import {
  JW_START,
  jwQuery,
  jwRequest,
  jwRequests,
  jwUrl,
  vodPings,
} from '../../../../test/helpers/jw-session.js';
import { getRequest } from '../../../../test/helpers/requests.js';
import { Inspector } from '../../inspector.js';
import { jw, pingBucket } from './index.js';

function decode(request = jwRequest({ e: 's', at: 0, fields: { vd: 72, q: 8, pw: 0, ti: 0 } })) {
  return new Inspector({ protocols: [jw] }).add(request);
}

describe('jw recognition', () => {
  it('recognises pings on the jwpltx.com host family, sendBeacon POST or GET image', () => {
    const post = jwRequest({ e: 'e', at: 0 });
    const get = getRequest(jwUrl({ e: 'e', at: 0 }));
    expect(jw.recognise(post, new URL(post.url))).toBe(true);
    expect(jw.recognise(get, new URL(get.url))).toBe(true);
    const bare = getRequest('https://jwpltx.com/v1/jwplayer6/ping.gif?x=1');
    expect(jw.recognise(bare, new URL(bare.url))).toBe(true);
  });

  it('recognises the ping path on another host only with an e= parameter', () => {
    const proxied = getRequest(`http://127.0.0.1:8080/v1/jwplayer6/ping.gif?${jwQuery({ e: 't', at: 0 })}`);
    const noEvent = getRequest('http://127.0.0.1:8080/v1/jwplayer6/ping.gif?x=1');
    const otherPath = getRequest('https://ihe.jwpltx.com/v2/jwplayer6/ping.gif?e=s');
    const nested = getRequest('https://ihe.jwpltx.com/v1/a/b/ping.gif?e=s');
    expect(jw.recognise(proxied, new URL(proxied.url))).toBe(true);
    expect(jw.recognise(noEvent, new URL(noEvent.url))).toBe(false);
    expect(jw.recognise(otherPath, new URL(otherPath.url))).toBe(false);
    expect(jw.recognise(nested, new URL(nested.url))).toBe(false);
    expect(jw.recognise(getRequest('http://[bad/v1/jwplayer6/ping.gif?e=s'), undefined)).toBe(true);
  });

  it('reads the bucket of a ping path', () => {
    expect(pingBucket('/v1/clienta/ping.gif')).toBe('clienta');
    expect(pingBucket('/v1//ping.gif')).toBeUndefined();
    expect(pingBucket('/ping.gif')).toBeUndefined();
  });
});

describe('jw decoding', () => {
  it('decodes a ping: event name, play id as session, bucket as detail, spec rows', () => {
    const beacon = decode();
    expect(beacon?.event).toEqual({ code: 's', name: 'Play', known: true });
    expect(beacon?.sessionId).toBe('f5e4d3c2b1a0');
    expect(beacon?.detail).toBe('jwplayer6');
    expect(beacon?.values.t).toBe('Big Buck Bunny');
    expect(beacon?.params.find((p) => p.key === 'pw')?.spec?.name).toBe('Quantile watched');
    expect(beacon?.params.every((p) => p.source === 'query')).toBe(true);
  });

  it('names the ad bucket and the other events', () => {
    expect(decode(jwRequest({ e: 'i', at: 0 }))?.detail).toBe('clienta');
    expect(['e', 'i', 's', 't', 'vs', 'gab'].map((code) => jw.eventName(code))).toEqual([
      'Setup',
      'Ad impression',
      'Play',
      'Quantile / time',
      'Seeked',
      'Abandon / complete',
    ]);
    expect(jw.eventName('x')).toBe('Unknown event x');
  });

  it('keeps unknown parameters, marked unknown', () => {
    const beacon = decode(jwRequest({ e: 'e', at: 0, fields: { zz: 'custom' } }));
    const param = beacon?.params.find((p) => p.key === 'zz');
    expect(param?.value).toBe('custom');
    expect(param?.spec).toBeUndefined();
  });

  it('marks bad percent-encoding as malformed without throwing', () => {
    const beacon = decode(getRequest('https://ihe.jwpltx.com/v1/jwplayer6/ping.gif?e=s&t=Caf%E9&pli=abc'));
    expect(beacon?.malformed).toMatch(/percent-encoding/);
    expect(beacon?.values.t).toBe('Caf%E9');
    expect(beacon?.sessionId).toBe('abc');
  });
});

describe('jw playback', () => {
  it('follows the playhead by pw·vd/128, the seek and the completion', () => {
    const inspector = new Inspector({ protocols: [jw] });
    inspector.addAll(jwRequests(vodPings()));
    const playback = inspector.sessions()[0]?.playback;
    expect(playback?.duration).toBe(72);
    expect(playback?.entryId).toBe('AbCd1234');
    expect(playback?.playerVersion).toBe('4.30.0');
    expect(playback?.playhead.map((p) => p.position)).toEqual([0, 9, 18, 27, 54, 63, 72]);
    expect(playback?.seeks).toEqual([{ time: JW_START + 46_000, from: 27, beacon: 6 }]);
    expect(playback?.playThroughs).toBe(1);
    expect(playback?.ended).toBe(true);
  });
});

describe('jw spec table', () => {
  it('requires the common fields everywhere and vd q pw on playback pings', () => {
    expect(jw.spec.commonRequired).toEqual([
      'e',
      'sa',
      'aid',
      'pss',
      'oos',
      'sdk',
      'bun',
      'id',
      't',
      'emi',
      'pli',
    ]);
    expect(jw.eventSpec('t')?.required).toEqual(['vd', 'q', 'pw']);
    expect(jw.eventSpec('e')?.required).toBeUndefined();
    expect(jw.eventSpec('i')?.docRequired).toEqual(['av', 'oaid', 'fed']);
    expect(jw.paramSpec('oos')?.values).toContain('Android TV');
    for (const p of jw.spec.params) expect(p.name.length * p.description.length).toBeGreaterThan(0);
  });
});
