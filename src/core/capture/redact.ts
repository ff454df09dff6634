import { safeDecode } from '../params/parse-params.js';
import type { ProtocolModule } from '../protocols/protocol.js';
import { defaultProtocols } from '../protocols/registry.js';
import { bodyText } from './body-text.js';
import type { CapturedRequest, Header } from './captured-request.js';

export const REDACTED = 'REDACTED';

/** Headers that carry credentials. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** `ks` plus every parameter some protocol's spec table marks `secret: true`. */
export function secretParamKeys(protocols: readonly ProtocolModule[] = defaultProtocols): Set<string> {
  const keys = new Set(['ks']);
  for (const p of protocols) for (const param of p.spec.params) if (param.secret) keys.add(param.key);
  return keys;
}

/**
 * Whether a parameter name (as on the wire) is a secret: compared decoded, and also without the legacy
 * `event:` / `event[…]` wrapper, so `event%3Aks` and `event[ks]` count as `ks`.
 */
export function isSecretKey(wireKey: string, secrets: ReadonlySet<string>): boolean {
  const key = safeDecode(wireKey) ?? wireKey;
  if (secrets.has(key)) return true;
  const inner = /^event(?::|\[)(.*?)\]?$/.exec(key)?.[1];
  return inner !== undefined && (secrets.has(inner) || secrets.has(`event:${inner}`));
}

/** Replaces the values of secret pairs in a query string or form body; everything else stays as sent. */
export function redactParamText(text: string, secrets: ReadonlySet<string>): string {
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const key = pair.slice(0, eq);
      const bareKey = key.startsWith('?') ? key.slice(1) : key;
      return isSecretKey(bareKey, secrets) ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
}

/** The URL with its query's secret values replaced (the path and fragment are kept as they were). */
export function redactUrl(url: string, secrets: ReadonlySet<string>): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const hash = url.indexOf('#', q);
  const end = hash === -1 ? url.length : hash;
  return url.slice(0, q + 1) + redactParamText(url.slice(q + 1, end), secrets) + url.slice(end);
}

/** A copy of the request with secrets in the URL, a form body and credential headers replaced. */
export function redactRequest(
  request: CapturedRequest,
  secrets: ReadonlySet<string> = secretParamKeys(),
): CapturedRequest {
  const out: CapturedRequest = { ...request, url: redactUrl(request.url, secrets) };
  if (request.requestHeaders) out.requestHeaders = request.requestHeaders.map(redactHeader);
  const text = bodyText(request);
  if (request.body && text?.includes('=')) {
    const redacted = redactParamText(text, secrets);
    if (redacted !== text) {
      out.body = { kind: 'text', text: redacted };
      if (request.body.mimeType) out.body.mimeType = request.body.mimeType;
    }
  }
  return out;
}

function redactHeader(header: Header): Header {
  return SECRET_HEADERS.has(header.name.toLowerCase()) ? { name: header.name, value: REDACTED } : header;
}
