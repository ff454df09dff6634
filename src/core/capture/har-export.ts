import type { Entry, Har, Header as HarHeader, PostData, QueryString } from 'har-format';
import { parseParams } from '../params/parse-params.js';
import { Redactor } from '../redaction/redactor.js';
import { HAR_TRUTH_FIELD, redactTruth, type TruthRecord } from '../truth/record.js';
import type { CapturedRequest, InitiatorType } from './captured-request.js';

export interface HarExportOptions {
  /**
   * Replace `ks`, secret parameters and credential headers by `REDACTED:<fingerprint>:<length class>`
   * (default true); false keeps them and says so in `log.comment`.
   */
  redact?: boolean;
  /** Version written into `log.creator`. */
  version?: string;
  /** What the videos really did (an audit's): kept in `log._playerInspectorTruth`. */
  truth?: TruthRecord;
}

/** Chrome's `_resourceType` names, so the HAR opens in DevTools with the right type column. */
const RESOURCE_TYPE: Record<InitiatorType, NonNullable<Entry['_resourceType']>> = {
  image: 'image',
  xhr: 'xhr',
  fetch: 'fetch',
  beacon: 'ping',
  script: 'script',
  document: 'document',
  other: 'other',
};

/** A HAR 1.2 document of captured requests; `importHar` reads it back into the same requests. */
export function exportHar(requests: Iterable<CapturedRequest>, options: HarExportOptions = {}): Har {
  const redactor = options.redact === false ? undefined : new Redactor();
  const entries: Entry[] = [];
  for (const r of requests) entries.push(markTruncated(toEntry(redactor ? redactor.request(r) : r), r));
  const log: Har['log'] & { [HAR_TRUTH_FIELD]?: TruthRecord } = {
    version: '1.2',
    creator: { name: 'player-inspector', version: options.version ?? '0' },
    entries,
  };
  if (!redactor) log.comment = 'Secrets included: ks and other secret values are not redacted.';
  if (options.truth) log[HAR_TRUTH_FIELD] = redactor ? redactTruth(options.truth) : options.truth;
  return { log };
}

function toEntry(r: CapturedRequest): Entry {
  const headers: HarHeader[] = r.requestHeaders?.map((h) => ({ name: h.name, value: h.value })) ?? [];
  const query = r.url.indexOf('?');
  const queryString: QueryString[] =
    query === -1
      ? []
      : parseParams(r.url.slice(query + 1).split('#')[0] ?? '').map((p) => ({ name: p.key, value: p.value }));
  const request: Entry['request'] = {
    method: r.method,
    url: r.url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    queryString,
    headersSize: -1,
    bodySize: -1,
  };
  if (r.body) {
    const postData: PostData =
      r.body.kind === 'text'
        ? { mimeType: r.body.mimeType ?? '', text: r.body.text }
        : ({
            mimeType: r.body.mimeType ?? 'application/octet-stream',
            text: r.body.base64,
            encoding: 'base64',
          } as PostData);
    request.postData = postData;
  }
  const response: Entry['response'] & { _error?: string } = {
    status: r.status ?? 0,
    statusText: '',
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: [],
    content: { size: r.responseText?.length ?? 0, mimeType: 'text/plain' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  };
  if (r.responseText !== undefined) response.content.text = r.responseText;
  if (r.error) response._error = r.error;
  const entry: Entry = {
    startedDateTime: new Date(r.startTime).toISOString(),
    time: r.duration ?? -1,
    request,
    response,
    cache: {},
    timings: { send: 0, wait: r.duration ?? -1, receive: 0 },
  };
  if (r.tabId !== undefined) entry.pageref = String(r.tabId);
  if (r.initiatorType) entry._resourceType = RESOURCE_TYPE[r.initiatorType];
  return entry;
}

/** A capture that kept only the beginning of `r`'s body says so where a HAR reader looks. */
function markTruncated(entry: Entry, r: CapturedRequest): Entry {
  const { postData } = entry.request;
  if (postData && r.body?.truncatedFrom !== undefined) {
    postData.comment = `truncated: ${bodyLength(r.body)} of ${r.body.truncatedFrom} bytes kept`;
  }
  return entry;
}

/** Bytes a stored body holds (base64 is 4 characters for 3 bytes). */
function bodyLength(body: NonNullable<CapturedRequest['body']>): number {
  if (body.kind === 'text') return new TextEncoder().encode(body.text).length;
  return Math.floor((body.base64.replace(/=+$/, '').length * 3) / 4);
}
