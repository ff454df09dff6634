import fc from 'fast-check';
import type { CapturedRequest } from '../../src/core/capture/captured-request.js';

/**
 * Arbitraries for hostile beacons: wire text as capture surfaces hand it over (already URL-serialised),
 * with broken percent-encoding, encoded Unicode and invalid UTF-8, and the bases that make each protocol
 * recognise a request.
 */

/** Printable ASCII that `new URL` leaves alone in a query, minus the pair separators. */
const SAFE = [...'abcXYZ019-._~!$()*,;:@/?+[]{}|\\^`'];

const hex = fc.integer({ min: 0, max: 255 }).map((b) => b.toString(16).padStart(2, '0'));

/** One piece of a raw query component: plain text, escapes valid or not, encoded (or broken) UTF-8. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SAFE) },
  { weight: 2, arbitrary: hex.map((h) => `%${h}`) },
  { weight: 1, arbitrary: hex.map((h) => `%${h.toUpperCase()}`) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%G1', '%4', '%%', '%E0%A4%A', '%C3', '%FF%FE', '%ED%A0%80') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).map(encodeWellFormed) },
);

/** A raw key or value as it appears on the wire. */
export const rawComponent = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

export interface RawPair {
  key: string;
  value: string;
}

export const rawPair: fc.Arbitrary<RawPair> = fc.record({ key: rawComponent, value: rawComponent });

/** encodeURIComponent without throwing on lone surrogates (they become U+FFFD, as TextEncoder does). */
export function encodeWellFormed(text: string): string {
  return encodeURIComponent(text.replace(/\p{Surrogate}/gu, '\ufffd'));
}

/** What a pair's text means: decoded once, '+' as space; undefined when the encoding is broken. */
export function meaning(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

export interface ProtocolBase {
  id: 'kava' | 'kaltura-stats' | 'jw';
  url: string;
  /** Pairs of `url`'s query that precede the generated ones. */
  leading: number;
}

/** A request URL each protocol recognises whatever pairs follow. */
export const BASES: readonly ProtocolBase[] = [
  {
    id: 'kava',
    url: 'https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent',
    leading: 2,
  },
  {
    id: 'kaltura-stats',
    url: 'https://stats.kaltura.com/api_v3/index.php?service=stats&action=collect',
    leading: 2,
  },
  { id: 'jw', url: 'https://ihe.jwpltx.com/v1/jwplayer6/ping.gif?e=t', leading: 1 },
];

export function queryText(pairs: readonly RawPair[]): string {
  return pairs.map((p) => `${p.key}=${p.value}`).join('&');
}

let counter = 0;

export function request(url: string, init: Partial<CapturedRequest> = {}): CapturedRequest {
  counter += 1;
  return { id: `f${counter}`, method: 'GET', url, status: 200, startTime: 1_700_000_000_000, ...init };
}

export function base64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}
