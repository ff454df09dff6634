import { bodyText } from '../../capture/body-text.js';
import type { CapturedRequest } from '../../capture/captured-request.js';
import { safeDecode } from '../../params/parse-params.js';
import { decodeRequestParams, defineProtocol, pathOf, queryOf } from '../define-protocol.js';
import type { DecodedBeacon, ParamSpec } from '../protocol.js';
import { StatsPlaybackTracker } from './playback.js';
import { statsRules } from './rules/index.js';
import { statsSpec } from './spec.js';
import { statsTruth } from './truth.js';

const API_PATH = '/api_v3/index.php';
const PATH_STYLE = '/service/stats/action/collect';
const paramsByKey = new Map<string, ParamSpec>(statsSpec.params.map((p) => [p.key, p]));
const lookup = (key: string) => paramsByKey.get(key);

/**
 * `event[eventType]` (a nested object serialised by a generic HTTP client) means `event:eventType`.
 * Keys are trimmed because the seed document's example has a space after the `?`.
 */
export function canonicalStatsKey(key: string): string {
  const k = key.trim();
  if (k.length > 7 && k.startsWith('event[') && k.endsWith(']')) return `event:${k.slice(6, -1)}`;
  return k;
}

/** Reads `service` and `action` from a query or form text without decoding every pair. */
function isStatsCollect(text: string): boolean {
  if (!text.includes('collect')) return false;
  let service: string | undefined;
  let action: string | undefined;
  let pos = text.charCodeAt(0) === 63 /* ? */ ? 1 : 0;
  while (pos < text.length && (service === undefined || action === undefined)) {
    let amp = text.indexOf('&', pos);
    if (amp === -1) amp = text.length;
    const pair = text.slice(pos, amp);
    const eq = pair.indexOf('=');
    if (eq !== -1) {
      const key = (safeDecode(pair.slice(0, eq)) ?? '').trim();
      if (key === 'service') service ??= (safeDecode(pair.slice(eq + 1)) ?? '').toLowerCase();
      else if (key === 'action') action ??= (safeDecode(pair.slice(eq + 1)) ?? '').toLowerCase();
    }
    pos = amp + 1;
  }
  return service === 'stats' && action === 'collect';
}

/** Kaltura legacy `stats.collect`, sent by KDP and the v2 HTML5 player. */
export const kalturaStats = defineProtocol({
  id: 'kaltura-stats',
  label: 'Kaltura stats',
  spec: statsSpec,
  recognise(request: CapturedRequest, url: URL | undefined): boolean {
    // Cheap first: the API path (the seed's example has `//api_v3`, which also ends with it). Kaltura's
    // newer client libraries put service and action in the path instead.
    const path = url ? url.pathname : pathOf(request.url);
    if (!path.endsWith(API_PATH)) return path.includes('/api_v3/') && path.toLowerCase().endsWith(PATH_STYLE);
    if (isStatsCollect(url ? url.search : queryOf(request.url))) return true;
    const body = request.body ? bodyText(request) : undefined;
    return body !== undefined && isStatsCollect(body);
  },
  decode(request, url) {
    const { params, values, malformed } = decodeRequestParams(request, url, lookup, canonicalStatsKey);
    const decoded: DecodedBeacon = {
      eventCode: values['event:eventType'] ?? '',
      sessionId: values['event:sessionId'] ?? '',
      params,
      values,
    };
    if (malformed !== undefined) decoded.malformed = malformed;
    return decoded;
  },
  keyParams: ['event:currentPoint', 'event:newPoint', 'event:duration', 'event:seek'],
  // Stats has no separate send-time field: `event:eventTimestamp` is when the event happened, so it tells
  // two real events apart (two buffer starts at one playhead); a network retry repeats the whole URL.
  sendTimeParams: [],
  attachKeys: ['event:entryId', 'event:partnerId'],
  sessionConstants: [
    'event:partnerId',
    'event:entryId',
    'event:uiconfId',
    'event:widgetId',
    'event:clientVer',
    'event:referrer',
  ],
  rules: statsRules,
  createPlaybackTracker: () => new StatsPlaybackTracker(),
  truth: statsTruth,
});
