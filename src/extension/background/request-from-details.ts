import type { WebRequest } from 'webextension-polyfill';
import type { CapturedRequest, InitiatorType, RequestBody } from '../../core/capture/captured-request.js';

const INITIATOR: Partial<Record<string, InitiatorType>> = {
  image: 'image',
  imageset: 'image',
  xmlhttprequest: 'xhr',
  ping: 'beacon',
  beacon: 'beacon',
  script: 'script',
  main_frame: 'document',
  sub_frame: 'document',
};

/** The fields every webRequest event has; only `onBeforeRequest` has the body. */
type RequestDetails = Pick<
  WebRequest.OnBeforeRequestDetailsType,
  'requestId' | 'method' | 'url' | 'timeStamp' | 'tabId' | 'type'
> & { requestBody?: WebRequest.OnBeforeRequestDetailsType['requestBody'] };

/** A webRequest `onBeforeRequest` event as the core's CapturedRequest (status comes later). */
export function requestFromDetails(details: RequestDetails): CapturedRequest {
  const request: CapturedRequest = {
    id: details.requestId,
    method: details.method,
    url: details.url,
    startTime: details.timeStamp,
    tabId: details.tabId,
    initiatorType: INITIATOR[details.type] ?? 'other',
  };
  const body = requestBody(details.requestBody ?? undefined);
  if (body) request.body = body;
  return request;
}

/**
 * Bytes of a body kept per beacon: analytics bodies are a few kB; a page posting megabytes to a URL that
 * looks like a collector must not fill the store (and a panel's backlog) with them.
 */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * webRequest gives a body either parsed as form data (form and multipart posts) or as raw byte chunks
 * (sendBeacon strings, fetch and XHR bodies): form data becomes a url-encoded text body, bytes become
 * text when they are valid UTF-8 and base64 otherwise. Only the first MAX_BODY_BYTES are kept; a longer
 * body says how long it was (`truncatedFrom`).
 */
export function requestBody(
  body: WebRequest.OnBeforeRequestDetailsTypeRequestBodyType | undefined,
): RequestBody | undefined {
  if (!body) return undefined;
  if (body.formData) {
    const form = new URLSearchParams();
    for (const [key, values] of Object.entries(body.formData as Record<string, unknown>)) {
      for (const value of [values].flat()) form.append(key, String(value));
    }
    // Url-encoded: one byte per character.
    const text = form.toString();
    const kept: RequestBody = {
      kind: 'text',
      text: text.slice(0, MAX_BODY_BYTES),
      mimeType: 'application/x-www-form-urlencoded',
    };
    if (text.length > MAX_BODY_BYTES) kept.truncatedFrom = text.length;
    return kept;
  }
  const chunks = (body.raw ?? []).flatMap((part) =>
    part.bytes instanceof ArrayBuffer ? [new Uint8Array(part.bytes)] : [],
  );
  if (chunks.length === 0) return undefined;
  const bytes = concat(chunks);
  if (bytes.length <= MAX_BODY_BYTES) return bytesBody(bytes);
  return { ...bytesBody(bytes.subarray(0, MAX_BODY_BYTES), true), truncatedFrom: bytes.length };
}

/** `cut`: the bytes end where a cap cut them, maybe inside a character, which is no reason for base64. */
export function bytesBody(bytes: Uint8Array, cut = false): RequestBody {
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut }) };
  } catch {
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { kind: 'binary', base64: btoa(binary) };
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
