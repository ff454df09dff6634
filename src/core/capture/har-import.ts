import { HAR_TRUTH_FIELD, isTruthRecord, type TruthRecord } from '../truth/record.js';
import type { CapturedRequest, Header, InitiatorType, RequestBody } from './captured-request.js';

/** An input file that cannot be used (not a HAR, truncated, not a URL list). One line, no stack needed. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface HarImportOptions {
  /** File name used in error messages. */
  name?: string;
  /** Prefix of request ids, so requests from several files stay unique (default ''). */
  idPrefix?: string;
}

export interface HarImport {
  requests: CapturedRequest[];
  /** Entries without a request URL: left out. */
  skipped: number;
  /** What the videos really did, when an audit wrote the HAR. */
  truth?: TruthRecord;
}

/** Beacon responses are tiny (KAVA answers with a Unix time); larger bodies are not kept. */
const MAX_RESPONSE_TEXT = 4096;

/**
 * Turns HAR entries into captured requests one at a time, so a caller that streams entries out of a
 * huge file never holds more than one. `index` is the entry's position, used for the request id.
 */
export function* requestsFromEntries(
  entries: Iterable<unknown>,
  options: HarImportOptions = {},
  onSkip?: (index: number) => void,
): Generator<CapturedRequest> {
  const convert = entryConverter(options, onSkip);
  for (const entry of entries) {
    const request = convert(entry);
    if (request) yield request;
  }
}

/** `requestsFromEntries` for entries that arrive asynchronously (a HAR read from a pipe). */
export async function* requestsFromEntriesAsync(
  entries: AsyncIterable<unknown>,
  options: HarImportOptions = {},
  onSkip?: (index: number) => void,
): AsyncGenerator<CapturedRequest> {
  const convert = entryConverter(options, onSkip);
  for await (const entry of entries) {
    const request = convert(entry);
    if (request) yield request;
  }
}

/** One entry at a time to a request (undefined when skipped), numbering entries in arrival order. */
function entryConverter(
  options: HarImportOptions,
  onSkip?: (index: number) => void,
): (entry: unknown) => CapturedRequest | undefined {
  let index = 0;
  let lastTime = 0;
  return (entry) => {
    const request = entryToRequest(entry, `${options.idPrefix ?? ''}${index}`, lastTime);
    if (request) lastTime = request.startTime;
    else onSkip?.(index);
    index += 1;
    return request;
  };
}

/** Parses a whole HAR text. Throws `InputError` for text that is not JSON or not a HAR. */
export function importHar(text: string, options: HarImportOptions = {}): HarImport {
  const name = options.name ?? 'input';
  const json = parseJson(text, name);
  const entries = harEntries(json, name);
  let skipped = 0;
  const requests = [
    ...requestsFromEntries(entries, options, () => {
      skipped += 1;
    }),
  ];
  const truth = isObject(json) && isObject(json.log) ? json.log[HAR_TRUTH_FIELD] : undefined;
  return isTruthRecord(truth) ? { requests, skipped, truth } : { requests, skipped };
}

/** `log.entries` of a parsed HAR, or an `InputError` saying what the JSON is instead. */
export function harEntries(json: unknown, name = 'input'): unknown[] {
  const log = isObject(json) ? json.log : undefined;
  const entries = isObject(log) ? log.entries : undefined;
  if (!Array.isArray(entries)) throw new InputError(`${name}: not a HAR file (no log.entries array)`);
  return entries;
}

/** JSON.parse with a one-line message that says where the text broke and whether it looks cut off. */
export function parseJson(text: string, name = 'input'): unknown {
  if (text.trim() === '') throw new InputError(`${name}: the file is empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const at = position ? Number(position[1]) : undefined;
    const truncated =
      /end of JSON input|Unterminated/i.test(message) ||
      (at !== undefined && at >= text.trimEnd().length - 1);
    // Node 20 gives no position for an unexpected token: name the token instead.
    const token = /^Unexpected token '?(.*?)'?,/.exec(message)?.[1];
    const where =
      truncated || at !== undefined
        ? ` at byte ${new TextEncoder().encode(text.slice(0, truncated ? text.length : at)).length}`
        : token !== undefined
          ? `: unexpected ${JSON.stringify(token)}`
          : '';
    const what = truncated ? 'unexpected end' : 'syntax error';
    const hint = truncated ? ': the file looks truncated' : '';
    throw new InputError(`${name}: not valid JSON (${what}${where})${hint}`);
  }
}

function entryToRequest(entry: unknown, id: string, previousTime: number): CapturedRequest | undefined {
  if (!isObject(entry) || !isObject(entry.request)) return undefined;
  const req = entry.request;
  const url = str(req.url);
  if (!url) return undefined;
  const started = Date.parse(str(entry.startedDateTime) ?? '');
  const request: CapturedRequest = {
    id,
    method: (str(req.method) ?? 'GET').toUpperCase(),
    url,
    // A missing or unreadable time keeps the entry in order rather than dropping it.
    startTime: Number.isFinite(started) ? started : previousTime,
  };
  const headers = headerList(req.headers);
  if (headers.length > 0) request.requestHeaders = headers;
  const body = requestBody(req.postData);
  if (body) request.body = body;
  const duration = num(entry.time);
  if (duration !== undefined && duration >= 0) request.duration = duration;
  const response = isObject(entry.response) ? entry.response : undefined;
  const status = num(response?.status);
  if (status !== undefined) request.status = status;
  const error = str(response?._error) || str(entry._error) || str(response?._errorText);
  if (error) request.error = error;
  const responseText = responseBody(response?.content);
  if (responseText !== undefined) request.responseText = responseText;
  const pageref = entry.pageref;
  if (typeof pageref === 'string' || typeof pageref === 'number') request.tabId = pageref;
  const initiatorType = initiatorOf(entry);
  if (initiatorType) request.initiatorType = initiatorType;
  return request;
}

function headerList(value: unknown): Header[] {
  if (!Array.isArray(value)) return [];
  const out: Header[] = [];
  for (const h of value) {
    if (isObject(h) && typeof h.name === 'string') out.push({ name: h.name, value: str(h.value) ?? '' });
  }
  return out;
}

/**
 * `postData.text` as sent; a base64 body (`encoding: "base64"` or a `_base64` field) stays bytes;
 * `postData.params` alone (Firefox, Charles) is rebuilt into a form body from its decoded values.
 */
function requestBody(postData: unknown): RequestBody | undefined {
  if (!isObject(postData)) return undefined;
  const mimeType = str(postData.mimeType);
  const withMime = <T extends RequestBody>(body: T): T => (mimeType ? { ...body, mimeType } : body);
  const text = str(postData.text);
  if (typeof postData._base64 === 'string') return withMime({ kind: 'binary', base64: postData._base64 });
  if (text !== undefined && (postData.encoding === 'base64' || postData._base64 === true)) {
    return withMime({ kind: 'binary', base64: text });
  }
  if (text) return withMime({ kind: 'text', text });
  if (Array.isArray(postData.params) && postData.params.length > 0) {
    const pairs = postData.params
      .filter(isObject)
      .map((p) => `${encodeURIComponent(str(p.name) ?? '')}=${encodeURIComponent(str(p.value) ?? '')}`);
    return withMime({ kind: 'text', text: pairs.join('&') });
  }
  return text === '' ? withMime({ kind: 'text', text: '' }) : undefined;
}

function responseBody(content: unknown): string | undefined {
  if (!isObject(content) || content.encoding === 'base64') return undefined;
  const text = str(content.text);
  return text && text.length <= MAX_RESPONSE_TEXT ? text : undefined;
}

const RESOURCE_TYPES: Record<string, InitiatorType> = {
  image: 'image',
  img: 'image',
  xhr: 'xhr',
  xmlhttprequest: 'xhr',
  fetch: 'fetch',
  ping: 'beacon',
  beacon: 'beacon',
  script: 'script',
  document: 'document',
  other: 'other',
};

/**
 * Chrome writes `_resourceType`; some tools write `_initiator` as a type name. Chrome's own `_initiator`
 * object says who started the request (parser, script), not its type, so it is not used.
 */
function initiatorOf(entry: Record<string, unknown>): InitiatorType | undefined {
  for (const c of [entry._resourceType, entry._initiator]) {
    const type = typeof c === 'string' ? RESOURCE_TYPES[c.toLowerCase()] : undefined;
    if (type) return type;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
