import type { CapturedRequest } from './captured-request.js';

/**
 * The request body as text, when it is text: form and plain bodies are returned as they are, binary
 * ones are decoded as UTF-8 only when that gives valid text. Undefined for no body or real binary.
 */
export function bodyText(request: CapturedRequest): string | undefined {
  const body = request.body;
  if (!body) return undefined;
  if (body.kind === 'text') return body.text;
  try {
    const bytes = Uint8Array.from(atob(body.base64), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
