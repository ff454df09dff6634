import type { CapturedRequest } from '../../src/core/capture/captured-request.js';
import { getRequest, postRequest } from './requests.js';

export const STATS_BASE = 'http://stats.kaltura.com//api_v3/index.php';
export const STATS_START = 1_700_000_000_000;

/** How the `event:` prefix is written on the wire. */
export type KeyStyle = 'encoded' | 'colon' | 'bracket';

export interface StatsEvent {
  type: number | string;
  /** Seconds after the session start. */
  at: number;
  /** Playhead in seconds (sent as milliseconds, as Kaltura players do). */
  position?: number;
  /** Extra or overriding `event:` fields (without the prefix); undefined removes a field. */
  fields?: Record<string, string | number | undefined>;
}

export interface StatsSessionOptions {
  sessionId?: string;
  duration?: number;
  style?: KeyStyle;
}

function encodeKey(name: string, style: KeyStyle): string {
  if (style === 'colon') return `event:${name}`;
  if (style === 'bracket') return `event%5B${name}%5D`;
  return `event%3A${name}`;
}

/** The query of one stats.collect beacon as an older Kaltura player builds it. */
export function statsQuery(event: StatsEvent, options: StatsSessionOptions = {}): string {
  const style = options.style ?? 'encoded';
  const fields: Record<string, string | number | undefined> = {
    sessionId: options.sessionId ?? 'BE9F3DA9-4CAD-09AA-69B2-D9627E509311',
    eventType: event.type,
    partnerId: 1234,
    entryId: '0_abcd1234',
    uiconfId: 23448199,
    widgetId: '_1234',
    clientVer: '2.88',
    duration: options.duration ?? 60,
    referrer: encodeURIComponent('https://example.com/watch?v=1'),
    eventTimestamp: STATS_START + event.at * 1000,
    currentPoint: Math.round((event.position ?? 0) * 1000),
    seek: 'false',
    ...event.fields,
  };
  const pairs = ['service=stats', 'action=collect', 'clientTag=kdp%3Av3.9.9'];
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) pairs.push(`${encodeKey(name, style)}=${encodeURIComponent(String(value))}`);
  }
  return pairs.join('&');
}

export function statsRequest(event: StatsEvent, options: StatsSessionOptions = {}): CapturedRequest {
  return getRequest(`${STATS_BASE}?${statsQuery(event, options)}`, {
    startTime: STATS_START + event.at * 1000,
  });
}

/** The same beacon sent as a form-encoded POST body. */
export function statsPostRequest(event: StatsEvent, options: StatsSessionOptions = {}): CapturedRequest {
  return postRequest(STATS_BASE, statsQuery(event, options), { startTime: STATS_START + event.at * 1000 });
}

/** A clean 60 s session: 1 → 2 → 3 → buffering pair → 4 → 5 → 6 → 7. */
export function cleanStatsSession(options: StatsSessionOptions = {}): CapturedRequest[] {
  const events: StatsEvent[] = [
    { type: 1, at: 0 },
    { type: 2, at: 1 },
    { type: 3, at: 2 },
    { type: 12, at: 5, position: 3 },
    { type: 13, at: 6, position: 3 },
    { type: 4, at: 18, position: 15 },
    { type: 5, at: 33, position: 30 },
    { type: 6, at: 48, position: 45 },
    { type: 7, at: 61, position: 59 },
  ];
  return events.map((e) => statsRequest(e, options));
}
