import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, importHar, requestsFromEntries } from '../../src/core/capture/har-import.js';
import { streamHarEntries } from '../../src/core/capture/har-stream.js';
import { Inspector } from '../../src/core/inspector.js';
import { BASES, base64, rawComponent } from './hostile.js';

// The HAR importers on random HAR-shaped JSON: fields of every type where a HAR has strings, numbers and
// objects. Whole-text and streamed imports agree, only InputError is ever thrown, and the inspector
// takes whatever comes out.

const RUNS = 150;

/** Anything, or something of the right type. */
const loose = <T>(right: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: right }, fc.jsonValue());

const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true }),
  fc.tuple(fc.constantFrom(...BASES.map((b) => b.url)), rawComponent).map(([u, q]) => `${u}&${q}`),
  fc.string(),
);

const header = fc.record({ name: loose(fc.string()), value: loose(fc.string()) }, { requiredKeys: [] });

const postData = fc.record(
  {
    mimeType: loose(
      fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream'),
    ),
    text: loose(fc.oneof(fc.string(), rawComponent, fc.uint8Array({ maxLength: 40 }).map(base64))),
    encoding: loose(fc.constant('base64')),
    _base64: loose(fc.oneof(fc.boolean(), fc.uint8Array({ maxLength: 40 }).map(base64))),
    params: loose(
      fc.array(fc.record({ name: loose(fc.string()), value: loose(fc.string()) }), { maxLength: 4 }),
    ),
  },
  { requiredKeys: [] },
);

const entry = fc.record(
  {
    startedDateTime: loose(
      fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string(),
      ),
    ),
    time: loose(fc.double()),
    pageref: loose(fc.oneof(fc.string(), fc.integer())),
    _resourceType: loose(fc.constantFrom('xhr', 'Fetch', 'image', 'ping', 'media')),
    _initiator: loose(fc.string()),
    request: loose(
      fc.record(
        {
          method: loose(fc.constantFrom('GET', 'POST', 'get')),
          url: loose(url),
          headers: loose(fc.array(header, { maxLength: 4 })),
          postData: loose(postData),
        },
        { requiredKeys: [] },
      ),
    ),
    response: loose(
      fc.record(
        {
          status: loose(fc.integer({ min: -1, max: 600 })),
          _error: loose(fc.string()),
          content: loose(
            fc.record(
              { text: loose(fc.string()), encoding: loose(fc.constant('base64')) },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

const har = fc.record({
  log: fc.record({ version: fc.constant('1.2'), entries: fc.array(loose(entry), { maxLength: 8 }) }),
});

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('HAR import on hostile input', () => {
  it('imports any HAR-shaped JSON, streamed or whole, to the same requests the inspector accepts', () => {
    fc.assert(
      fc.property(har, fc.integer({ min: 1, max: 64 }), (value, size) => {
        const text = JSON.stringify(value);
        const whole = importHar(text);
        const streamed = [...requestsFromEntries(streamHarEntries(pieces(text, size)))];
        expect(streamed).toEqual(whole.requests);
        expect(whole.requests.length + whole.skipped).toBe(value.log.entries.length);
        const inspector = new Inspector();
        inspector.addAll(whole.requests);
        expect(() => inspector.findings()).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it('throws nothing but InputError on any text, whole or streamed', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      har.map((h) => JSON.stringify(h)),
      har.map((h) => JSON.stringify(h)).chain((t) => fc.nat(t.length).map((n) => t.slice(0, n))),
      har
        .map((h) => JSON.stringify(h))
        .chain((t) =>
          fc
            .tuple(fc.nat(t.length), fc.string({ maxLength: 3 }))
            .map(([n, s]) => t.slice(0, n) + s + t.slice(n)),
        ),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 64 }), (t, size) => {
        for (const run of [
          () => importHar(t),
          () => [...requestsFromEntries(streamHarEntries(pieces(t, size)))],
        ]) {
          try {
            run();
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
