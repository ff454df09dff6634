import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, importHar, requestsFromEntries } from './har-import.js';

const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });

const chromeEntry = {
  startedDateTime: '2026-03-01T10:00:00.250Z',
  time: 42.5,
  pageref: 'page_1',
  _resourceType: 'ping',
  request: {
    method: 'POST',
    url: 'https://ihe.jwpltx.com/v1/jwplayer6/ping.gif?e=s',
    headers: [{ name: 'Content-Type', value: 'text/plain' }],
    postData: { mimeType: 'text/plain', text: '' },
  },
  response: { status: 204, content: { size: 0, mimeType: 'image/gif' } },
};

describe('importHar', () => {
  it('reads a Chrome DevTools entry', () => {
    const { requests, skipped } = importHar(har([chromeEntry]), { idPrefix: 'a:' });
    expect(skipped).toBe(0);
    expect(requests).toEqual([
      {
        id: 'a:0',
        method: 'POST',
        url: 'https://ihe.jwpltx.com/v1/jwplayer6/ping.gif?e=s',
        requestHeaders: [{ name: 'Content-Type', value: 'text/plain' }],
        body: { kind: 'text', text: '', mimeType: 'text/plain' },
        startTime: Date.UTC(2026, 2, 1, 10, 0, 0, 250),
        duration: 42.5,
        status: 204,
        tabId: 'page_1',
        initiatorType: 'beacon',
      },
    ]);
  });

  it('tolerates entries with only a URL, and skips entries without one', () => {
    const { requests, skipped } = importHar(
      har([{ request: { url: 'https://a.example/x?y=1' } }, { request: {} }, 'junk', null]),
    );
    expect(skipped).toBe(3);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', url: 'https://a.example/x?y=1', startTime: 0 });
    expect(requests[0]?.status).toBeUndefined();
  });

  it('keeps a missing time in order by reusing the previous entry time', () => {
    const { requests } = importHar(
      har([
        { startedDateTime: '2026-03-01T10:00:00Z', request: { url: 'https://a.example/1' } },
        { startedDateTime: 'not a date', request: { url: 'https://a.example/2' } },
      ]),
    );
    expect(requests.map((r) => r.startTime)).toEqual([Date.UTC(2026, 2, 1, 10), Date.UTC(2026, 2, 1, 10)]);
  });

  it('keeps base64 bodies as bytes', () => {
    const bytes = Buffer.from([0, 255, 1, 2]).toString('base64');
    const { requests } = importHar(
      har([
        {
          request: {
            url: 'https://a/1',
            postData: { mimeType: 'application/octet-stream', text: bytes, encoding: 'base64' },
          },
        },
        { request: { url: 'https://a/2', postData: { mimeType: 'x', _base64: bytes } } },
      ]),
    );
    expect(requests[0]?.body).toEqual({
      kind: 'binary',
      base64: bytes,
      mimeType: 'application/octet-stream',
    });
    expect(requests[1]?.body).toEqual({ kind: 'binary', base64: bytes, mimeType: 'x' });
  });

  it('rebuilds a form body from Firefox/Charles postData.params', () => {
    const { requests } = importHar(
      har([
        {
          request: {
            method: 'post',
            url: 'https://stats.kaltura.com/api_v3/index.php',
            postData: {
              mimeType: 'application/x-www-form-urlencoded',
              params: [
                { name: 'event:eventType', value: '3' },
                { name: 'event:referrer', value: 'https://site.example/a b?c=d&e' },
              ],
            },
          },
        },
      ]),
    );
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.body).toEqual({
      kind: 'text',
      mimeType: 'application/x-www-form-urlencoded',
      text: 'event%3AeventType=3&event%3Areferrer=https%3A%2F%2Fsite.example%2Fa%20b%3Fc%3Dd%26e',
    });
  });

  it('reads failures: status 0 and the error text', () => {
    const { requests } = importHar(
      har([
        { request: { url: 'https://a/1' }, response: { status: 0, _error: 'net::ERR_BLOCKED_BY_CLIENT' } },
        { request: { url: 'https://a/2' }, _error: 'net::ERR_FAILED', response: { status: 0 } },
      ]),
    );
    expect(requests.map((r) => [r.status, r.error])).toEqual([
      [0, 'net::ERR_BLOCKED_BY_CLIENT'],
      [0, 'net::ERR_FAILED'],
    ]);
  });

  it('keeps a small text response (KAVA answers with the server time) and drops a large one', () => {
    const { requests } = importHar(
      har([
        { request: { url: 'https://a/1' }, response: { status: 200, content: { text: '1772359200' } } },
        { request: { url: 'https://a/2' }, response: { status: 200, content: { text: 'x'.repeat(10_000) } } },
      ]),
    );
    expect(requests[0]?.responseText).toBe('1772359200');
    expect(requests[1]?.responseText).toBeUndefined();
  });

  it('imports a 10 MB entry', () => {
    const big = `a=${'x'.repeat(10 * 1024 * 1024)}`;
    const { requests } = importHar(
      har([
        { request: { method: 'POST', url: 'https://a/1', postData: { mimeType: 'text/plain', text: big } } },
      ]),
    );
    expect(requests[0]?.body).toEqual({ kind: 'text', text: big, mimeType: 'text/plain' });
  });

  it('says a truncated file is truncated, with the byte offset', () => {
    const text = har([chromeEntry]);
    const cut = text.slice(0, 120);
    expect(() => importHar(cut, { name: 'trace.har' })).toThrow(InputError);
    expect(() => importHar(cut, { name: 'trace.har' })).toThrow(
      /^trace\.har: not valid JSON \(unexpected end at byte \d+\): the file looks truncated$/,
    );
  });

  it('names a syntax error in the middle', () => {
    expect(() => importHar('{"log": {"entries": [}, "x": 1}', { name: 'bad.har' })).toThrow(
      /^bad\.har: not valid JSON \(syntax error(: unexpected "}"| at byte 21)\)$/,
    );
  });

  it('rejects JSON that is not a HAR, and an empty file', () => {
    expect(() => importHar('{"foo": []}', { name: 'x.json' })).toThrow(
      'x.json: not a HAR file (no log.entries array)',
    );
    expect(() => importHar('[1,2]', { name: 'x.json' })).toThrow(InputError);
    expect(() => importHar('  \n', { name: 'x.json' })).toThrow('x.json: the file is empty');
  });

  it('streams entries one at a time', () => {
    function* entries() {
      for (let i = 0; i < 3; i++)
        yield { startedDateTime: new Date(i * 1000).toISOString(), request: { url: `https://a/${i}` } };
    }
    const ids = [...requestsFromEntries(entries(), { idPrefix: 's' })].map((r) => `${r.id}@${r.startTime}`);
    expect(ids).toEqual(['s0@0', 's1@1000', 's2@2000']);
  });

  it('never throws anything but InputError, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ log: { entries: [v] } })),
        ),
        (text) => {
          try {
            importHar(text);
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
