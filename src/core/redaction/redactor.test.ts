import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../capture/captured-request.js';
import { placeholder, Redactor, redactText } from './redactor.js';
import { isSecretHeader, isSecretKey, secretParamKeys } from './secret-keys.js';

const r = new Redactor();
const KS = 'djJ8MjIxNTg0MXyZx+/abcDEF==';
const P = placeholder(KS);
const enc = encodeURIComponent;

const request = (init: Partial<CapturedRequest>): CapturedRequest => ({
  id: '1',
  method: 'POST',
  url: 'https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent',
  startTime: 0,
  ...init,
});

describe('secret keys', () => {
  const keys = secretParamKeys();

  it('match in every spelling: case, event: and event[…] wrappers, percent-encoded names', () => {
    for (const key of [
      'ks',
      'KS',
      'Ks',
      'event:ks',
      'event:KS',
      'event[ks]',
      'event%3Aks',
      'event%5BKs%5D',
      'k%73',
      'k%2573',
      'access_token',
      'apiKey',
      'data[user][password]',
    ]) {
      expect(isSecretKey(key, keys), key).toBe(true);
    }
    for (const key of ['kss', 'eventType', 'event:eventType', 'task', 'sessionId', 'referrer', 'tokens'])
      expect(isSecretKey(key, keys), key).toBe(false);
  });

  it('include every credential header', () => {
    for (const h of [
      'Authorization',
      'Proxy-Authorization',
      'Cookie',
      'Set-Cookie',
      'X-Kaltura-Session',
      'x-api-key',
    ])
      expect(isSecretHeader(h, keys), h).toBe(true);
    for (const h of ['Referer', 'Accept', 'Content-Type']) expect(isSecretHeader(h, keys), h).toBe(false);
  });
});

describe('placeholder', () => {
  it('keeps a fingerprint and the length class, the same for the same value however encoded', () => {
    expect(P).toMatch(/^REDACTED:[0-9a-f]{4}:upto32$/);
    expect(placeholder(enc(KS))).toBe(P);
    expect(placeholder(enc(enc(KS)))).toBe(P);
    expect(placeholder(`${KS}x`)).not.toBe(P);
    expect(placeholder('x'.repeat(200))).toMatch(/:upto256$/);
  });
});

describe('redacting URLs', () => {
  it('replaces the query value in any key spelling and keeps the rest as sent', () => {
    for (const key of ['ks', 'KS', 'Ks', 'k%73', 'event:KS', 'event%5Bks%5D']) {
      expect(r.url(`https://a/x?eventType=1&${key}=${enc(KS)}&b=2`), key).toBe(
        `https://a/x?eventType=1&${key}=${P}&b=2`,
      );
    }
  });

  it('replaces a ks path segment, a fragment and a userinfo password', () => {
    expect(r.url(`https://a/api_v3/service/analytics/action/trackEvent/ks/${enc(KS)}/eventType/1`)).toBe(
      `https://a/api_v3/service/analytics/action/trackEvent/ks/${P}/eventType/1`,
    );
    expect(r.url(`https://a/p?x=1#ks=${enc(KS)}&y=2`)).toBe(`https://a/p?x=1#ks=${P}&y=2`);
    expect(r.url(`https://a/#/watch?ks=${enc(KS)}`)).toBe(`https://a/#/watch?ks=${P}`);
    expect(r.url(`https://user:${enc(KS)}@a/`)).toBe(`https://user:${P}@a/`);
  });

  it('follows URL-valued parameters encoded once or twice', () => {
    const page = `https://site/watch?a=1&ks=${enc(KS)}`;
    for (const key of ['referrer', 'event:referrer']) {
      const once = r.url(`https://a/?${key}=${enc(page)}&c=3`);
      const twice = r.url(`https://a/?${key}=${enc(enc(page))}&c=3`);
      for (const out of [once, twice]) {
        expect(out).not.toContain(enc(KS).slice(0, 16));
        expect(out).not.toContain(enc(enc(KS)).slice(0, 16));
        expect(decodeURIComponent(decodeURIComponent(out))).toContain(P);
        expect(out).toMatch(/&c=3$/);
      }
      expect(decodeURIComponent(new URL(once).searchParams.get(key) ?? '')).toBe(
        decodeURIComponent(`https://site/watch?a=1&ks=${P}`),
      );
    }
  });
});

describe('redacting bodies', () => {
  const leaks = (req: CapturedRequest) => JSON.stringify(r.request(req)).includes(KS.slice(0, 16));

  it('redacts a JSON body, nested keys too, without polluting any prototype', () => {
    const text = `{"ks":"${KS}","__proto__":{"polluted":"yes"},"data":{"Authorization":"${KS}x","n":1}}`;
    const out = r.request(request({ body: { kind: 'text', text, mimeType: 'application/json' } }));
    const parsed = JSON.parse((out.body as { text: string }).text);
    expect(parsed.ks).toBe(P);
    expect(parsed.data.n).toBe(1);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(leaks(request({ body: { kind: 'text', text } }))).toBe(false);
  });

  it('redacts a multipart part named like a secret', () => {
    const text = `--b1\r\nContent-Disposition: form-data; name="ks"\r\n\r\n${KS}\r\n--b1\r\nContent-Disposition: form-data; name="eventType"\r\n\r\n3\r\n--b1--\r\n`;
    const out = r.request(
      request({ body: { kind: 'text', text, mimeType: 'multipart/form-data; boundary=b1' } }),
    );
    expect(out.body).toMatchObject({ kind: 'text', text: text.replace(KS, P) });
  });

  it('redacts base64 bodies, form, JSON or bytes that are no UTF-8, and keeps them base64', () => {
    for (const plain of [`eventType=3&ks=${enc(KS)}`, JSON.stringify({ ks: KS })]) {
      const out = r.request(request({ body: { kind: 'binary', base64: btoa(plain) } }));
      expect(out.body?.kind).toBe('binary');
      expect(atob((out.body as { base64: string }).base64)).toContain(P);
      expect(atob((out.body as { base64: string }).base64)).not.toContain(KS.slice(0, 16));
    }
    const bytes = `\xff\xfe&ks=${enc(KS)}&\xc3`;
    const out = r.request(request({ body: { kind: 'binary', base64: btoa(bytes) } }));
    expect(atob((out.body as { base64: string }).base64)).toBe(`\xff\xfe&ks=${P}&\xc3`);
  });

  it('redacts stats form bodies in every key spelling', () => {
    const text = `event%3AeventType=3&event%3Aks=${enc(KS)}&event[KS]=${enc(KS)}&ks=${enc(KS)}`;
    expect(r.request(request({ body: { kind: 'text', text } })).body).toEqual({
      kind: 'text',
      text: `event%3AeventType=3&event%3Aks=${P}&event[KS]=${P}&ks=${P}`,
    });
  });
});

describe('redacting headers, errors and free text', () => {
  it('replaces credentials whole and the ks of the page in every Referer', () => {
    const out = r.request(
      request({
        requestHeaders: [
          { name: 'Referer', value: `https://site/watch?ks=${enc(KS)}` },
          { name: 'Cookie', value: `a=${KS}; b=1` },
          { name: 'authorization', value: `Bearer ${KS}` },
          { name: 'Proxy-Authorization', value: `Basic ${KS}` },
          { name: 'X-Kaltura-Session', value: KS },
          { name: 'Accept', value: '*/*' },
        ],
      }),
    );
    expect(out.requestHeaders?.[0]).toEqual({ name: 'Referer', value: `https://site/watch?ks=${P}` });
    expect(out.requestHeaders?.at(-1)).toEqual({ name: 'Accept', value: '*/*' });
    expect(JSON.stringify(out)).not.toContain(KS.slice(0, 16));
  });

  it('scrubs a network error text and a title quoting a URL with a ks', () => {
    const out = r.request(request({ status: 0, error: `net::ERR_FAILED https://c/e?ks=${enc(KS)}` }));
    expect(out.error).toBe(`net::ERR_FAILED https://c/e?ks=${P}`);
    expect(redactText(`Player Inspector audit of https://site/watch?ks=${enc(KS)}&x=1`)).toBe(
      `Player Inspector audit of https://site/watch?ks=${P}&x=1`,
    );
  });

  it('scrubs known values from a message, quoted whole, encoded or cut short', () => {
    const long = `${KS}${'Q'.repeat(80)}`;
    expect(r.text(`ks on View is "${long.slice(0, 60)}…": expected "x".`, undefined, [long])).toBe(
      `ks on View is "${placeholder(long)}…": expected "x".`,
    );
    expect(r.text(`invalid percent-encoding in value "${enc(KS)}%ZZ"`, undefined, [KS])).toBe(
      `invalid percent-encoding in value "${P}%ZZ"`,
    );
    expect(r.text('ks is "abc" and abc stays', undefined, ['abc'])).toBe(
      `ks is "${placeholder('abc')}" and abc stays`,
    );
  });
});
