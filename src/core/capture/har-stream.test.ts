import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from './har-import.js';
import { HarEntryReader, streamHarEntries } from './har-stream.js';

/** Splits a text into pieces of `size` characters (the last may be shorter). */
function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const entries = [
  {
    startedDateTime: '2026-01-01T00:00:00.000Z',
    request: {
      method: 'GET',
      url: 'https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent&eventType=1',
      headers: [{ name: 'Accept', value: '*/*' }],
    },
    response: { status: 200, content: { text: '{"not": ["an", "entry"]}' } },
  },
  {
    request: { method: 'POST', url: 'https://a/b', postData: { text: 'quote " brace } bracket ] \\ back' } },
    _note: 'Unicode: é 日本 😀 and escapes \u0000 \n \t',
  },
  { request: { url: 'https://a/c' }, nested: [[1, -2.5e3, true, false, null], { entries: [] }] },
];

const har = JSON.stringify(
  {
    log: {
      version: '1.2',
      creator: { name: 'x', entries: ['not these'] },
      pages: [{ id: 'p', title: '{"log":{"entries":[1]}}' }],
      entries,
    },
    entries: ['nor these'],
  },
  null,
  2,
);

describe('streamHarEntries', () => {
  it('yields log.entries one by one, whatever the chunk size', () => {
    for (const size of [1, 2, 3, 7, 64, 4096, har.length]) {
      expect([...streamHarEntries(pieces(har, size))]).toEqual(entries);
    }
  });

  it('hands out an entry as soon as its last chunk arrives', () => {
    const reader = new HarEntryReader();
    const first = JSON.stringify(entries[0]);
    const start = '{"log": {"entries": [';
    expect(reader.push(start + first.slice(0, 10))).toEqual([]);
    expect(reader.push(`${first.slice(10)},`)).toEqual([entries[0]]);
    expect(reader.push('{"request": {"url": "https://a/d"}}]}}')).toEqual([
      { request: { url: 'https://a/d' } },
    ]);
    expect(() => reader.end()).not.toThrow();
  });

  it('skips a byte order mark, and reads entries that come before the other log fields', () => {
    const text = '\ufeff{"log": {"entries": [{"a": 1}], "version": "1.2"}}';
    expect([...streamHarEntries(pieces(text, 5))]).toEqual([{ a: 1 }]);
  });

  it('says a truncated file is truncated, with the byte offset of the end', () => {
    const cut = har.slice(0, 400);
    const bytes = new TextEncoder().encode(cut).length;
    expect(() => [...streamHarEntries(pieces(cut, 33), 'trace.har')]).toThrow(
      `trace.har: not valid JSON (unexpected end at byte ${bytes}): the file looks truncated`,
    );
  });

  it('names the byte of a syntax error', () => {
    expect(() => [...streamHarEntries(['{"log": {"entr', 'ies": [}, "x": 1}'], 'bad.har')]).toThrow(
      'bad.har: not valid JSON (syntax error at byte 21: unexpected "}")',
    );
    expect(() => [...streamHarEntries(['{"log": {"entries": []}} x'])]).toThrow(/syntax error at byte 25/);
    expect(() => [...streamHarEntries(['{"log": {"entries": [tru]}}'])]).toThrow(/syntax error at byte 24/);
  });

  it('names an entry that is not valid JSON', () => {
    expect(() => [...streamHarEntries(['{"log": {"entries": [{"a": 1}, {"b": "\\x"}]}}'], 'x.har')]).toThrow(
      'x.har: not valid JSON (syntax error in log.entries[1])',
    );
  });

  it('rejects JSON that is not a HAR, and an empty file', () => {
    const fail = (text: string) => () => [...streamHarEntries([text], 'x.json')];
    expect(fail('{"foo": []}')).toThrow('x.json: not a HAR file (no log.entries array)');
    expect(fail('{"log": {"entries": {}}}')).toThrow('x.json: not a HAR file (no log.entries array)');
    expect(fail('[1,2]')).toThrow('x.json: not a HAR file (no log.entries array)');
    expect(fail('  \n')).toThrow('x.json: the file is empty');
  });

  it('reads any HAR-shaped JSON as JSON.parse does, split anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue()),
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
        fc.integer({ min: 1, max: 50 }),
        (items, extra, size) => {
          const { entries: _, ...others } = extra;
          const text = JSON.stringify({ ...others, log: { ...others, entries: items } });
          expect([...streamHarEntries(pieces(text, size))]).toEqual(JSON.parse(text).log.entries);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('throws nothing but InputError, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ log: { entries: [v] } })),
          fc
            .jsonValue()
            .map((v) => JSON.stringify({ log: { entries: [v] } }))
            .chain((t) => fc.nat(t.length).map((n) => t.slice(0, n))),
        ),
        fc.integer({ min: 1, max: 20 }),
        (text, size) => {
          try {
            [...streamHarEntries(pieces(text, size))];
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
