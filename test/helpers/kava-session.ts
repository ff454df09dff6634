import type { CapturedRequest } from '../../src/core/capture/captured-request.js';
import type { Config } from '../../src/core/config/config.js';
import { Inspector } from '../../src/core/inspector.js';
import { kava } from '../../src/core/protocols/kava/index.js';
import type { Finding } from '../../src/core/rules/rule.js';
import { getRequest, query } from './requests.js';

export const KAVA_ENDPOINT = 'https://analytics.kaltura.com/api_v3/index.php';
/** Wall-clock start of built sessions (a fixed instant, so tests never depend on today's date). */
export const SESSION_START = 1_700_000_000_000;

type Values = Record<string, string | number>;

const ACTUAL_BITRATE = 1367.1875;

/** What Kaltura's player adds per event beyond the common parameters (kava.md, "Extra parameters"). */
function eventExtras(eventType: number, position: number): Values {
  switch (eventType) {
    case 3:
      return {
        bufferTime: 0,
        bufferTimeSum: 0,
        actualBitrate: ACTUAL_BITRATE,
        joinTime: 0.412,
        canPlay: 0.261,
        networkConnectionType: '4g',
      };
    case 4:
      return { bufferTime: 0, bufferTimeSum: 0, actualBitrate: ACTUAL_BITRATE };
    case 99:
      return {
        playTimeSum: position,
        bufferTime: 0,
        bufferTimeSum: 0,
        actualBitrate: ACTUAL_BITRATE,
        averageBitrate: '1364.9602640000000005',
        audioLanguage: '',
        captionsLanguage: '',
        soundMode: 2,
        tabMode: 2,
        playbackSpeed: 1,
        droppedFramesRatio: 0,
        networkConnectionType: '4g',
      };
    default:
      return {};
  }
}

export interface SendOptions {
  /** Parameters to leave out (e.g. a field an integration forgets). */
  omit?: readonly string[];
  /** Overrides the counted eventIndex (the counter still advances). */
  eventIndex?: number | string;
}

/**
 * Builds the GET beacons Kaltura's player sends for one session, as kava.md describes them: the query
 * starts with service/action/apiVersion/format, eventIndex counts up, sessionStartTime is the server
 * time of the first answer, absent on the first beacon and on Resume (whose answer replaces it).
 */
export class KavaSession {
  readonly requests: CapturedRequest[] = [];
  /** The entry playing: `changeMedia` sets another. */
  entryId = '1_w9zx2eti';
  private index = 0;
  private serverStart: number | undefined;

  constructor(
    readonly sessionId = '5e1b0a52-7a3c-4a1e-9c55-3f1d0f6a2b11:0c8e7d6f-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
    readonly start = SESSION_START,
    readonly endpoint = KAVA_ENDPOINT,
  ) {}

  /** One beacon `at` seconds after the session start with the playhead at `position` seconds. */
  send(eventType: number, at: number, position: number, extra: Values = {}, options: SendOptions = {}) {
    const time = this.start + Math.round(at * 1000);
    const serverSeconds = Math.floor(time / 1000);
    this.index += 1;
    const values: Values = {
      service: 'analytics',
      action: 'trackEvent',
      apiVersion: '3.3.0',
      format: 1,
      eventType,
      partnerId: 2215841,
      entryId: this.entryId,
      sessionId: this.sessionId,
      eventIndex: options.eventIndex ?? this.index,
    };
    if (this.serverStart !== undefined && eventType !== 4) values.sessionStartTime = this.serverStart;
    Object.assign(values, {
      referrer: encodeURIComponent('https://www.example.com/watch/episode-1?autoplay=0'),
      deliveryType: 'url',
      playbackType: 'vod',
      clientVer: '3.17.95',
      clientTag: 'html5:v3.17.95',
      position,
      uiConfId: 45145051,
      ...eventExtras(eventType, position),
      ...extra,
    });
    for (const key of options.omit ?? []) delete values[key];
    if (this.serverStart === undefined || eventType === 4) this.serverStart = serverSeconds;
    const request = getRequest(`${this.endpoint}?${query(values)}`, {
      startTime: time,
      responseText: String(serverSeconds),
      initiatorType: 'xhr',
    });
    this.requests.push(request);
    return request;
  }

  /** Player Import (1), Play Request (2) and Play (3) in the first 1.5 s, the playhead at 0. */
  startPlaying(): void {
    this.send(1, 0, 0);
    this.send(2, 1, 0);
    this.send(3, 1.5, 0);
  }

  /** The player's reset after a long pause: the next beacon has eventIndex 1 again. */
  resetSession(): void {
    this.index = 0;
  }

  /**
   * Change media as Kaltura's player does it (3.17.24 on, first change): same sessionId, KAVA reset
   * (eventIndex from 1, no sessionStartTime), then a Player Impression of `entryId` `at` seconds with the
   * previous entry's playhead `position`.
   */
  changeMedia(entryId: string, at: number, position: number): void {
    this.entryId = entryId;
    this.index = 0;
    this.serverStart = undefined;
    this.send(1, at, position);
  }
}

/** The real player's opening: 1 → 2 → 3 → 99 → 11 → 99 → 12 → 99, then a Pause at 22.5 s (25 s wall). */
function playUntilFirstPause(session: KavaSession): void {
  session.send(1, 0, 0);
  session.send(2, 2, 0);
  session.send(3, 2.5, 0);
  session.send(99, 2.5, 0);
  session.send(11, 12.45, 9.95);
  session.send(99, 12.5, 10);
  session.send(12, 22.5, 20);
  session.send(99, 22.55, 20.05);
  session.send(33, 25, 22.5);
}

/**
 * What Kaltura's player sends for a 40 s video played with one 3 s pause and a seek (kava.md, "Sequence
 * seen"): 1 → 2 → 3 → 99 → 11 → 99 → 12 → 99 → 33 → 4 → 35 → 13 → 99 → 14 → 33, Views every 10 s of
 * unpaused time, the 25% quartile slightly early.
 */
export function realPlayerSession(session = new KavaSession()): CapturedRequest[] {
  playUntilFirstPause(session);
  session.send(4, 28, 22.5, { bufferTime: 0.3, bufferTimeSum: 0.3 });
  session.send(35, 29, 23.5, { targetPosition: 31 });
  session.send(13, 29.2, 31);
  session.send(99, 35.55, 37.5, { playTimeSum: 30.05, bufferTimeSum: 0.3 });
  session.send(14, 37.95, 39.97);
  session.send(33, 37.96, 40);
  return session.requests;
}

/**
 * Replay from the end as a recording of Kaltura's player shows it, `at` seconds after the session start:
 * Seek to 0 → Buffer Start → Buffer End → Replay → Resume (no Play) → Pause.
 */
export function replayFromEnd(session: KavaSession, at: number): CapturedRequest[] {
  session.send(35, at, 40, { targetPosition: 0 });
  session.send(45, at, 0);
  session.send(46, at + 0.03, 0.01);
  session.send(34, at + 0.03, 0.01);
  session.send(4, at + 0.04, 0.02, { bufferTime: 0.03, bufferTimeSum: 0.33 });
  session.send(33, at + 4.1, 4.1);
  return session.requests;
}

/**
 * A session the player resets: paused 35 s at 22.5 s, then Resume restarts eventIndex at 1 with the same
 * sessionId; play and buffer sums restart, bufferTime is not cleared (so it exceeds bufferTimeSum once).
 */
export function resetPlayerSession(session = new KavaSession()): CapturedRequest[] {
  playUntilFirstPause(session);
  session.resetSession();
  session.send(4, 60, 22.5, { bufferTime: 0.4, bufferTimeSum: 0 });
  session.send(13, 67.5, 30);
  session.send(99, 70, 32.5, { playTimeSum: 10, bufferTime: 0.4, bufferTimeSum: 0 });
  session.send(14, 77.45, 39.95);
  session.send(33, 77.5, 40);
  return session.requests;
}

/** A copy of a beacon with parameters changed (`null` removes one), keeping its time and status. */
export function withParams(request: CapturedRequest, changes: Record<string, string | number | null>) {
  const url = new URL(request.url);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  return { ...request, url: url.toString() };
}

/** Every finding of a KAVA-only inspector fed these requests. */
export function kavaFindings(requests: readonly CapturedRequest[], config?: Config): Finding[] {
  const inspector = new Inspector({ protocols: [kava], ...(config ? { config } : {}) });
  inspector.addAll(requests);
  return inspector.findings();
}

/** The findings of one rule. */
export function ruleFindings(requests: readonly CapturedRequest[], rule: string, config?: Config): Finding[] {
  return kavaFindings(requests, config).filter((f) => f.rule === rule);
}
