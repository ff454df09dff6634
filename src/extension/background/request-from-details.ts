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
 * webRequest gives a body either parsed as form data (form and multipart posts) or as raw byte chunks
 * (sendBeacon strings, fetch and XHR bodies): form data becomes a url-encoded text body, bytes become
 * text when they are valid UTF-8 and base64 otherwise, so nothing is lost.
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
    const text = form.toString();
    return { kind: 'text', text, mimeType: 'application/x-www-form-urlencoded' } satisfies RequestBody;
  }
  const chunks = (body.raw ?? []).flatMap((part) =>
    part.bytes instanceof ArrayBuffer ? [new Uint8Array(part.bytes)] : [],
  );
  if (chunks.length === 0) return undefined;
  return bytesBody(concat(chunks));
}

export function bytesBody(bytes: Uint8Array): RequestBody {
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
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
