import { bodyText } from '../../capture/body-text.js';
import type { CapturedRequest } from '../../capture/captured-request.js';
import { queryOf } from '../define-protocol.js';

const API_PATH = '/api_v3/index.php';
const ACTION_PATH = '/service/analytics/action/trackEvent';
const AMP = 38;
const QUESTION = 63;

/**
 * A KAVA beacon: the Kaltura API path, then `service=analytics` and `action=trackEvent` in the query or
 * a form body. The host is never looked at: players may post to any `serviceUrl`.
 */
export function recogniseKava(request: CapturedRequest, url: URL | undefined): boolean {
  const path = url ? url.pathname : pathOf(request.url);
  if (path.includes(ACTION_PATH)) return true;
  if (!path.endsWith(API_PATH)) return false;
  const query = url ? url.search : queryOf(request.url);
  if (isTrackEvent(query)) return true;
  if (!request.body) return false;
  const body = bodyText(request);
  return body !== undefined && isTrackEvent(body);
}

function isTrackEvent(text: string): boolean {
  return hasPair(text, 'service=analytics') && hasPair(text, 'action=trackEvent');
}

/** Whether `key=value` occurs as a whole pair (between `?`/`&` and `&`/end), without parsing the rest. */
export function hasPair(text: string, pair: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(pair, from);
    if (at === -1) return false;
    const before = at === 0 ? AMP : text.charCodeAt(at - 1);
    const end = at + pair.length;
    const after = end === text.length ? AMP : text.charCodeAt(end);
    if ((before === AMP || before === QUESTION) && after === AMP) return true;
    from = at + 1;
  }
}

function pathOf(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}
