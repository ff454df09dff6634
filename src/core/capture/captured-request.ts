/**
 * One outgoing HTTP request as a capture surface saw it. Close to a HAR entry so that the extension
 * (webRequest), the puppeteer audit (CDP) and HAR files all produce the same thing.
 */
export type InitiatorType = 'image' | 'xhr' | 'fetch' | 'beacon' | 'script' | 'document' | 'other';

/**
 * A request body: text when it decodes as text, otherwise the bytes as base64. `truncatedFrom`, when
 * set, is the body's size in bytes before a capture kept only its beginning (the extension caps what it
 * stores per beacon).
 */
export type RequestBody =
  | { kind: 'text'; text: string; mimeType?: string; truncatedFrom?: number }
  | { kind: 'binary'; base64: string; mimeType?: string; truncatedFrom?: number };

export interface Header {
  name: string;
  value: string;
}

export interface CapturedRequest {
  /** Stable within one capture: HAR entry index, CDP request id, webRequest id. */
  id: string;
  method: string;
  url: string;
  requestHeaders?: Header[];
  body?: RequestBody;
  /** HTTP status; 0 means no response (blocked, network error); undefined means still pending. */
  status?: number;
  /** Network error text when the request failed ("net::ERR_CONNECTION_REFUSED"). */
  error?: string;
  /** Response body text when the capture has it (KAVA answers with the server's Unix time). */
  responseText?: string;
  /** Send time, epoch milliseconds. */
  startTime: number;
  /** Milliseconds until the response ended, when known. */
  duration?: number;
  /** Browser tab (extension) or page (puppeteer) that sent it. */
  tabId?: number | string;
  initiatorType?: InitiatorType;
}
