import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecodedParam } from '../../src/core/beacon.js';
import { Inspector } from '../../src/core/inspector.js';
import { protocolById } from '../../src/core/protocols/registry.js';
import {
  BASES,
  base64,
  encodeWellFormed,
  meaning,
  queryText,
  type RawPair,
  rawComponent,
  rawPair,
  request,
} from './hostile.js';

// Every decoder on hostile wire text: it never throws, and every pair sent comes out, in order, with
// its raw text kept and its meaning decoded (or the raw text and a decode error when the encoding is
// broken).

const RUNS = 150;

/** The pairs of one source after `skip` leading ones are `pairs`: wire key and raw text, then meaning. */
function expectLossless(
  params: DecodedParam[],
  source: 'query' | 'body',
  pairs: readonly RawPair[],
  skip: number,
) {
  const got = params.filter((p) => p.source === source).slice(skip);
  expect(got.map((p) => [p.wireKey ?? p.key, p.raw])).toEqual(pairs.map((p) => [p.key, p.value]));
  got.forEach((param, i) => {
    const pair = pairs[i] as RawPair;
    const value = meaning(pair.value);
    expect(param.value).toBe(value ?? pair.value);
    expect(param.decodeError !== undefined).toBe(value === undefined || meaning(pair.key) === undefined);
  });
}

describe.each(BASES)('$id decoder on hostile input', (base) => {
  const protocol = protocolById(base.id)!;

  it('keeps every query pair, raw and decoded, whatever the encoding', () => {
    fc.assert(
      fc.property(fc.array(rawPair, { maxLength: 30 }), (pairs) => {
        const url = `${base.url}&${queryText(pairs)}`;
        const parsed = new URL(url);
        expect(parsed.search.slice(1)).toBe(url.slice(url.indexOf('?') + 1));
        const r = request(url);
        expect(protocol.recognise(r, parsed)).toBe(true);
        const decoded = protocol.decode(r, parsed);
        expectLossless(decoded.params, 'query', pairs, base.leading);
        // A URL that `new URL` refused is read from its text, with the same result.
        expect(protocol.decode(r, undefined).params).toEqual(decoded.params);
      }),
      { numRuns: RUNS },
    );
  });

  it('decodes any Unicode value back to what the player meant, duplicated keys included', () => {
    const unicode = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'entryId', 'pw'), unicode), { maxLength: 12 }),
        (pairs) => {
          const query = pairs.map(([k, v]) => `${k}=${encodeWellFormed(v)}`).join('&');
          const r = request(`${base.url}&${query}`);
          const decoded = protocol.decode(r, new URL(r.url));
          const got = decoded.params.slice(base.leading).map((p) => [p.key, p.value]);
          expect(got).toEqual(pairs.map(([k, v]) => [k, v.replace(/\p{Surrogate}/gu, '\ufffd')]));
          expect(decoded.malformed).toBeUndefined();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps form body pairs beside the query, and never throws on binary bodies', () => {
    fc.assert(
      fc.property(
        fc.array(rawPair, { maxLength: 10 }),
        fc.array(rawPair, { minLength: 1, maxLength: 10 }),
        fc.uint8Array({ maxLength: 200 }),
        (queryPairs, bodyPairs, bytes) => {
          const url = `${base.url}&${queryText(queryPairs)}`;
          const body = `z=1&${queryText(bodyPairs)}`;
          const form = request(url, { method: 'POST', body: { kind: 'text', text: body } });
          const decoded = protocol.decode(form, new URL(url));
          expectLossless(decoded.params, 'query', queryPairs, base.leading);
          expectLossless(decoded.params, 'body', bodyPairs, 1);

          const binary = request(url, { method: 'POST', body: { kind: 'binary', base64: base64(bytes) } });
          const fromBinary = protocol.decode(binary, new URL(url));
          expectLossless(fromBinary.params, 'query', queryPairs, base.leading);
          let utf8 = true;
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          } catch {
            utf8 = false;
          }
          // `malformed` names the first problem: a broken query pair comes before the body.
          const queryBroken = fromBinary.params.some((p) => p.decodeError !== undefined);
          if (!utf8) expect(fromBinary.malformed).toMatch(queryBroken ? /percent-encoding/ : /binary/);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps 10 000 parameters and a 1 MB value', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ key: `k${i % 500}`, value: `v%20${i}` }));
    const decoded = protocol.decode(request(`${base.url}&${queryText(many)}`), undefined);
    expectLossless(decoded.params, 'query', many, base.leading);

    const big = `${'x'.repeat(1 << 20)}%E2%82%AC`;
    const url = `${base.url}&big=${big}&after=1`;
    const withBig = protocol.decode(request(url), new URL(url));
    expect(withBig.params.find((p) => p.key === 'big')?.value).toBe(`${'x'.repeat(1 << 20)}€`);
    expect(withBig.params.at(-1)).toMatchObject({ key: 'after', value: '1' });
  });
});

describe('the inspector on hostile requests', () => {
  it('never throws, whatever the URL, method and body', () => {
    const anyUrl = fc.oneof(
      fc.string(),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom(...BASES.map((b) => b.url)), rawComponent).map(([u, q]) => `${u}&${q}`),
      fc
        .tuple(fc.constantFrom(...BASES.map((b) => b.url)), rawComponent)
        .map(([u, q]) => `${u.replace('https://', 'http://[')}&${q}`),
    );
    const body = fc.option(
      fc.oneof(
        fc.string().map((text) => ({ kind: 'text' as const, text })),
        fc.uint8Array({ maxLength: 64 }).map((b) => ({ kind: 'binary' as const, base64: base64(b) })),
        fc.string().map((text) => ({ kind: 'binary' as const, base64: text })),
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyUrl, fc.constantFrom('GET', 'POST', 'get', ''), body), { maxLength: 8 }),
        (items) => {
          const inspector = new Inspector();
          for (const [url, method, b] of items) {
            const r = request(url, b ? { method, body: b } : { method });
            const beacon = inspector.add(r);
            if (beacon) expect(beacon.params.length).toBeGreaterThan(0);
          }
          expect(() => inspector.findings()).not.toThrow();
        },
      ),
      { numRuns: RUNS },
    );
  });
});
