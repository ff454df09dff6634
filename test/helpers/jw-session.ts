import type { CapturedRequest } from '../../src/core/capture/captured-request.js';
import { getRequest } from './requests.js';

export const JW_START = 1_700_000_000_000;
export const JW_AID = 'AbCdEfGhIjKlMnOpQrSt_1';

export interface JwPing {
  e: string;
  /** Seconds after the play's start (sets `sa` and the capture time). */
  at: number;
  /** Playback fields (`vd q pw ti`) and overrides; undefined removes a field. */
  fields?: Record<string, string | number | undefined>;
  /** Default: `clienta` for `e=i`, `jwplayer6` otherwise. */
  bucket?: string;
  host?: string;
}

export interface JwPlayOptions {
  pli?: string;
  emi?: string;
  /** Overrides of the common fields for every ping of the play. */
  common?: Record<string, string | number | undefined>;
}

/** The query of one ping, in the field order of the OTT web app's ping script. */
export function jwQuery(ping: JwPing, options: JwPlayOptions = {}): string {
  const fields: Record<string, string | number | undefined> = {
    e: ping.e,
    sa: JW_START + ping.at * 1000,
    aid: JW_AID,
    pss: 1,
    oos: 'Web',
    oosv: 5,
    sdk: 0,
    bun: 'app.example.com',
    fed: 'Xy12Ab34',
    id: 'AbCd1234',
    t: 'Big Buck Bunny',
    oiid: '4fa7c9e1',
    av: '4.30.0',
    emi: options.emi ?? '0a1b2c3d4e5f',
    pli: options.pli ?? 'f5e4d3c2b1a0',
    ...options.common,
    ...ping.fields,
  };
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
}

export function jwUrl(ping: JwPing, options: JwPlayOptions = {}): string {
  const bucket = ping.bucket ?? (ping.e === 'i' ? 'clienta' : 'jwplayer6');
  return `https://${ping.host ?? 'ihe.jwpltx.com'}/v1/${bucket}/ping.gif?${jwQuery(ping, options)}`;
}

/** A ping as the web app sends it: `navigator.sendBeacon(url)`, a POST with an empty body. */
export function jwRequest(ping: JwPing, options: JwPlayOptions = {}): CapturedRequest {
  return getRequest(jwUrl(ping, options), {
    method: 'POST',
    body: { kind: 'text', text: '' },
    initiatorType: 'beacon',
    startTime: JW_START + ping.at * 1000,
  });
}

const vod = (pw: number, ti: number) => ({ vd: 72, q: 8, pw, ti });

/**
 * A VOD play of a 72 s item (q=8, a time ping every 9 s): Setup, a pre-roll impression, Play, time
 * pings, a seek from 29 s to 50 s (its `vs` repeats the previous pw/ti; the next `t` carries the 2 s
 * watched before the seek), and the completion `gab` with pw=128.
 */
export function vodPings(): JwPing[] {
  return [
    { e: 'e', at: 0 },
    { e: 'i', at: 1 },
    { e: 's', at: 16, fields: vod(0, 0) },
    { e: 't', at: 25, fields: vod(16, 9) },
    { e: 't', at: 34, fields: vod(32, 9) },
    { e: 't', at: 43, fields: vod(48, 9) },
    { e: 'vs', at: 46, fields: vod(48, 9) },
    { e: 't', at: 49, fields: vod(96, 6) },
    { e: 't', at: 58, fields: vod(112, 9) },
    { e: 'gab', at: 67, fields: vod(128, 9) },
  ];
}

const live = (ti?: number) => ({ vd: 0, q: 0, pw: -1, ti });

/** A live play: time pings every 20 s of watching; after a 30 s pause the next one has ti=50. */
export function livePings(): JwPing[] {
  return [
    { e: 'e', at: 0 },
    { e: 's', at: 2, fields: live() },
    { e: 't', at: 22, fields: live(20) },
    { e: 't', at: 42, fields: live(20) },
    { e: 't', at: 92, fields: live(50) },
    { e: 't', at: 112, fields: live(21) },
    { e: 'gab', at: 120, fields: live(8) },
  ];
}

export function jwRequests(pings: JwPing[], options: JwPlayOptions = {}): CapturedRequest[] {
  return pings.map((p) => jwRequest(p, options));
}
