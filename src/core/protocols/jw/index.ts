import type { CapturedRequest } from '../../capture/captured-request.js';
import { decodeRequestParams, defineProtocol, pathOf, queryOf } from '../define-protocol.js';
import type { DecodedBeacon, ParamSpec } from '../protocol.js';
import { JwPlaybackTracker } from './playback.js';
import { jwRules } from './rules/index.js';
import { jwSpec } from './spec.js';
import { jwTruth } from './truth.js';

const paramsByKey = new Map<string, ParamSpec>(jwSpec.params.map((p) => [p.key, p]));
const lookup = (key: string) => paramsByKey.get(key);

const PREFIX = '/v1/';
const SUFFIX = '/ping.gif';

/** The bucket of a `/v1/<bucket>/ping.gif` path (`jwplayer6`, `clienta`), or undefined for other paths. */
export function pingBucket(path: string): string | undefined {
  if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) return undefined;
  const bucket = path.slice(PREFIX.length, path.length - SUFFIX.length);
  return bucket.length > 0 && !bucket.includes('/') ? bucket : undefined;
}

function isJwHost(host: string): boolean {
  return host === 'jwpltx.com' || host.endsWith('.jwpltx.com');
}

function hasEventParam(query: string): boolean {
  return query.startsWith('?e=') || query.startsWith('e=') || query.includes('&e=');
}

function bucketOf(request: CapturedRequest, url: URL | undefined): string | undefined {
  return pingBucket(url ? url.pathname : pathOf(request.url));
}

/** JW Player OTT pings, as JW's OTT apps and the Applicaster JW Analytics plugin send them. */
export const jw = defineProtocol({
  id: 'jw',
  label: 'JW Player OTT ping',
  spec: jwSpec,
  recognise(request, url) {
    // The ping path is the cheap test. On JW's own `jwpltx.com` hosts it is enough; on any other host
    // (first-party proxies, a local test bed) the query must also carry an `e=` event, so that an
    // unrelated `/v1/x/ping.gif` is not taken for a ping.
    if (bucketOf(request, url) === undefined) return false;
    if (url && isJwHost(url.hostname)) return true;
    return hasEventParam(url ? url.search : queryOf(request.url));
  },
  decode(request, url) {
    const { params, values, malformed } = decodeRequestParams(request, url, lookup);
    const decoded: DecodedBeacon = { eventCode: values.e ?? '', sessionId: values.pli ?? '', params, values };
    const bucket = bucketOf(request, url);
    if (bucket !== undefined) decoded.detail = bucket;
    if (malformed !== undefined) decoded.malformed = malformed;
    return decoded;
  },
  keyParams: ['pw', 'ti', 'vd', 'q'],
  // No send-time fields: `sa` is the only time and it is what tells legitimately identical pings apart
  // (live `t` pings every 20 s, two `vs` with no `t` between); a network retry repeats the whole URL,
  // `sa` included, so it is still caught as a duplicate.
  sendTimeParams: [],
  attachKeys: ['id', 'aid'],
  // The identity of a play (`pli`); `vd`/`q`, constant only from `s` on, are jw/constant-changed's.
  sessionConstants: ['aid', 'bun', 'fed', 'id', 't', 'emi', 'pss', 'oos', 'sdk'],
  // The spec table's names of the fields the tracker reads them from (id, aid, av).
  identityLabels: {
    entry: lookup('id')?.name ?? 'id',
    partner: lookup('aid')?.name ?? 'aid',
    player: lookup('av')?.name ?? 'av',
  },
  rules: jwRules,
  createPlaybackTracker: () => new JwPlaybackTracker(),
  truth: jwTruth,
});
