import type { CapturedRequest } from '../capture/captured-request.js';

/** What a JSON report keeps of a beacon's request: enough to decode the beacon again (`diff` reads it). */
export interface ReportRequest {
  method: string;
  /** As sent, secrets redacted unless asked otherwise. */
  url: string;
  /** HTTP status; 0 for no response; absent while pending. */
  status?: number;
  /** A text body (form-encoded beacons), secrets redacted. */
  body?: string;
  /** A binary body, base64. */
  bodyBase64?: string;
  mimeType?: string;
}

/** `request` as the report view gives it: already redacted unless the user asked for secrets. */
export function reportRequest(r: CapturedRequest): ReportRequest {
  const out: ReportRequest = { method: r.method, url: r.url };
  if (r.status !== undefined) out.status = r.status;
  if (r.body?.kind === 'text') out.body = r.body.text;
  else if (r.body?.kind === 'binary') out.bodyBase64 = r.body.base64;
  if (r.body?.mimeType) out.mimeType = r.body.mimeType;
  return out;
}
