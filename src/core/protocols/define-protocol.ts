import type { DecodedParam } from '../beacon.js';
import { bodyText } from '../capture/body-text.js';
import type { CapturedRequest } from '../capture/captured-request.js';
import { decodeForDisplay, forEachParam } from '../params/parse-params.js';
import type { EventSpec, ParamSpec, ProtocolModule } from './protocol.js';

/** A protocol module minus the lookups that its spec table gives for free. */
export type ProtocolDefinition = Omit<ProtocolModule, 'paramSpec' | 'eventSpec' | 'eventName'> & {
  /** Name for a code not in the table; default "Unknown event <code>". */
  unknownEventName?(code: string): string;
};

/** Adds the spec-table lookups (precompiled into maps once) to a protocol definition. */
export function defineProtocol(def: ProtocolDefinition): ProtocolModule {
  const params = new Map(def.spec.params.map((p) => [p.key, p]));
  const events = new Map(def.spec.events.map((e) => [e.code, e]));
  const unknown =
    def.unknownEventName ?? ((code: string) => (code === '' ? 'No event type' : `Unknown event ${code}`));
  const { unknownEventName: _ignored, ...rest } = def;
  return {
    ...rest,
    paramSpec: (key) => params.get(key),
    eventSpec: (code) => events.get(code),
    eventName: (code) => events.get(code)?.name ?? unknown(code),
  };
}

export interface DecodedParams {
  params: DecodedParam[];
  values: Record<string, string>;
  /** First decoding problem, for `beacon/malformed`. */
  malformed?: string;
}

/**
 * Reads the query string and, for form-like bodies, the body; canonicalises keys with the protocol's
 * function and attaches spec rows. Unknown parameters are kept with no spec.
 */
export function decodeRequestParams(
  request: CapturedRequest,
  url: URL | undefined,
  lookup: (key: string) => ParamSpec | undefined,
  canonicalKey: (key: string) => string = (k) => k,
): DecodedParams {
  const params: DecodedParam[] = [];
  const values: Record<string, string> = Object.create(null);
  let malformed: string | undefined;
  const add = (text: string, source: 'query' | 'body') => {
    forEachParam(text, (decodedKey, rawKey, value, raw, decodeError) => {
      const canonical = canonicalKey(decodedKey);
      const paramSpec = lookup(canonical);
      // The spec row's own key: an interned constant, so the values record and the rules' key
      // comparisons do not hash a fresh string each time.
      const key = paramSpec ? paramSpec.key : canonical;
      const param: DecodedParam = { key, value, raw, source };
      if (key !== rawKey) param.wireKey = rawKey;
      if (paramSpec) param.spec = paramSpec;
      if (decodeError !== undefined) {
        param.decodeError = decodeError;
        malformed ??= decodeError;
      } else if (paramSpec?.doubleEncoded) {
        const display = decodeForDisplay(value);
        if (display !== undefined) param.display = display;
      }
      params.push(param);
      if (values[key] === undefined) values[key] = value;
    });
  };
  const query = url ? url.search : queryOf(request.url);
  add(query, 'query');
  const body = request.body;
  if (body) {
    const text = bodyText(request);
    if (text === undefined) malformed ??= 'request body is binary and not form-encoded';
    else if (looksLikeForm(text)) add(text, 'body');
  }
  return malformed === undefined ? { params, values } : { params, values, malformed };
}

/** The query part of a URL that `new URL` refused. */
export function queryOf(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return '';
  const hash = url.indexOf('#', q);
  return url.slice(q + 1, hash === -1 ? undefined : hash);
}

/** The path of a URL that `new URL` refused ('' when there is none). */
export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  const noQuery = end === -1 ? url : url.slice(0, end);
  const scheme = noQuery.indexOf('//');
  const slash = noQuery.indexOf('/', scheme === -1 ? 0 : scheme + 2);
  return slash === -1 ? '' : noQuery.slice(slash);
}

function looksLikeForm(text: string): boolean {
  const t = text.trimStart();
  return t.length > 0 && t[0] !== '{' && t[0] !== '[' && t[0] !== '<' && t.includes('=');
}

export type { EventSpec, ParamSpec };
