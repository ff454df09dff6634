import { describe, expect, it } from 'vitest';
import { postRequest, getRequest as request } from '../../../../test/helpers/requests.js';
import { Inspector } from '../../inspector.js';
import { kava } from './index.js';

/** The cURL example of the Event Tracking API document (seed 004), host included. */
const SEED_URL =
  'http://tbd.analytics.domain/api_v3/index.php?service=analytics&action=trackEvent&kalsig=1ebb5aea0c5f253fd8c578febe6a752f&clientTag=kdp%3Av3%2E9%2E2&sessionId=C90BFCFC%2D2EBF%2D5893%2D892D%2D2121162F414A&eventIndex=3&eventType=2&referrer=http%253A%2F%2Fabc%2Ego%2Ecom%2Fshows%2Fthe%2Dbachelorette%2Fvideo%2Fmost%2Drecent%2FVDKA0%5Flawz79v7&entryId=0_n5nbuy6i&ks=YjdlZTNkMGUzZDYxMzY0OGJjZDVjOTYzOWVkMjFlNTg2ZmMyZDRlOXw1ODUyMzE7NTg1MjMxOzE0MzUxNjA2NzY7MDsxNDM1MDc0Mjc2Ljc2MTk7MDt2aWV3Oiosd2lkZ2V0OjE7Ow%3D%3D&sessionStartTime=1435075182567&uiConfId=23521211&partnerId=585231&position=18&clientVer=3%2E0%3Av3%2E9%2E2&playbackContext=sports&customVar1=Finnance';

function decode(req: ReturnType<typeof request>) {
  let url: URL | undefined;
  try {
    url = new URL(req.url);
  } catch {
    url = undefined;
  }
  expect(kava.recognise(req, url)).toBe(true);
  return kava.decode(req, url);
}

const param = (decoded: ReturnType<typeof decode>, key: string) => decoded.params.find((p) => p.key === key);

describe('KAVA matcher', () => {
  it('recognises the document’s example on any host, by its parameters', () => {
    const req = request(SEED_URL);
    expect(kava.recognise(req, new URL(req.url))).toBe(true);
    const self = request(
      'https://kava.media.example.org/api_v3/index.php?service=analytics&action=trackEvent',
    );
    expect(kava.recognise(self, new URL(self.url))).toBe(true);
  });

  it('recognises the REST-style path', () => {
    const req = request(
      'https://analytics.kaltura.com/api_v3/service/analytics/action/trackEvent?eventType=1',
    );
    expect(kava.recognise(req, new URL(req.url))).toBe(true);
  });

  it('recognises service and action in a form-encoded POST body', () => {
    const req = postRequest(
      'https://analytics.kaltura.com/api_v3/index.php',
      'service=analytics&action=trackEvent&eventType=3&sessionId=abc',
    );
    expect(kava.recognise(req, new URL(req.url))).toBe(true);
  });

  it('leaves other Kaltura API calls and look-alikes alone', () => {
    for (const url of [
      'https://stats.kaltura.com/api_v3/index.php?service=stats&action=collect&event%3AeventType=3',
      'https://analytics.kaltura.com/api_v3/index.php?service=analyticsx&action=trackEvent',
      'https://analytics.kaltura.com/api_v3/index.php?xservice=analytics&action=trackEvent',
      'https://analytics.kaltura.com/other.php?service=analytics&action=trackEvent',
      'https://cdn.example.com/player.js',
    ]) {
      const req = request(url);
      expect(kava.recognise(req, new URL(req.url)), url).toBe(false);
    }
  });

  it('recognises a URL that `new URL` refused, from its text', () => {
    const req = request('http://[bad host/api_v3/index.php?service=analytics&action=trackEvent&eventType=1');
    expect(kava.recognise(req, undefined)).toBe(true);
    expect(kava.decode(req, undefined).eventCode).toBe('1');
  });
});

describe('KAVA decoder', () => {
  it('decodes the document’s cURL example', () => {
    const decoded = decode(request(SEED_URL));
    expect(decoded.eventCode).toBe('2');
    expect(decoded.sessionId).toBe('C90BFCFC-2EBF-5893-892D-2121162F414A');
    expect(decoded.malformed).toBeUndefined();
    expect(param(decoded, 'clientTag')?.value).toBe('kdp:v3.9.2');
    expect(param(decoded, 'clientTag')?.raw).toBe('kdp%3Av3%2E9%2E2');
    expect(param(decoded, 'position')?.value).toBe('18');
    expect(param(decoded, 'kalsig')?.value).toBe('1ebb5aea0c5f253fd8c578febe6a752f');
    expect(param(decoded, 'ks')?.spec?.secret).toBe(true);
    expect(param(decoded, 'entryId')?.spec?.name).toBe('Entry ID');
    expect(param(decoded, 'clientVer')?.value).toBe('3.0:v3.9.2');
    expect(param(decoded, 'sessionStartTime')?.value).toBe('1435075182567');
  });

  it('shows the double-encoded referrer decoded, keeping the value and the raw text', () => {
    const referrer = param(decode(request(SEED_URL)), 'referrer');
    expect(referrer?.value).toBe(
      'http%3A//abc.go.com/shows/the-bachelorette/video/most-recent/VDKA0_lawz79v7',
    );
    expect(referrer?.display).toBe(
      'http://abc.go.com/shows/the-bachelorette/video/most-recent/VDKA0_lawz79v7',
    );
    expect(referrer?.raw).toContain('http%253A');
  });

  it('reads a form-encoded POST body', () => {
    const decoded = decode(
      postRequest(
        'https://analytics.kaltura.com/api_v3/index.php',
        'service=analytics&action=trackEvent&eventType=99&partnerId=2215841&sessionId=s%3A1&eventIndex=4&position=10.5',
      ),
    );
    expect(decoded.eventCode).toBe('99');
    expect(decoded.sessionId).toBe('s:1');
    expect(param(decoded, 'position')).toMatchObject({ value: '10.5', source: 'body' });
  });

  it('keeps unknown parameters, marked unknown', () => {
    const decoded = decode(request(`${SEED_URL}&persistentSessionId=p-1&newKavaField=7`));
    expect(param(decoded, 'newKavaField')).toMatchObject({ value: '7', raw: '7' });
    expect(param(decoded, 'newKavaField')?.spec).toBeUndefined();
    expect(param(decoded, 'persistentSessionId')?.spec).toBeUndefined();
    expect(param(decoded, 'partnerId')?.spec).toBeDefined();
  });

  it('marks invalid percent-encoding as malformed without throwing, and keeps the raw text', () => {
    const decoded = decode(
      request(
        'https://a.example/api_v3/index.php?service=analytics&action=trackEvent&eventType=3&referrer=%E0%A4%A',
      ),
    );
    expect(decoded.eventCode).toBe('3');
    expect(decoded.malformed).toMatch(/percent-encoding/);
    expect(param(decoded, 'referrer')).toMatchObject({ value: '%E0%A4%A', raw: '%E0%A4%A' });
    expect(param(decoded, 'referrer')?.decodeError).toBeDefined();
  });

  it('gives an empty event code and session id when the beacon carries none', () => {
    const decoded = decode(request('https://a.example/api_v3/index.php?service=analytics&action=trackEvent'));
    expect(decoded).toMatchObject({ eventCode: '', sessionId: '' });
    expect(kava.eventName('')).toBe('No event type');
  });

  it('turns the seed example into a beacon through the inspector', () => {
    const inspector = new Inspector({ protocols: [kava] });
    const beacon = inspector.add(request(SEED_URL));
    expect(beacon?.protocol).toBe('kava');
    expect(beacon?.event).toEqual({ code: '2', name: 'Play Requested', known: true });
    expect(beacon?.values.partnerId).toBe('585231');
    const rules = new Set(inspector.findings().map((f) => f.rule));
    // eventType=2 with position=18, starting at eventIndex 3, signed with a kalsig of unknown canonical form
    for (const rule of [
      'kava/position-not-zero',
      'kava/event-index-sequence',
      'kava/order',
      'kava/kalsig-mismatch',
    ]) {
      expect(rules.has(rule), rule).toBe(true);
    }
  });
});
