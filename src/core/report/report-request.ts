import type { CapturedRequest } from '../capture/captured-request.js';
import { redactRequest, secretParamKeys } from '../capture/redact.js';

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

export function reportRequest(request: CapturedRequest, redact = true): ReportRequest {
  const r = redact ? redactRequest(request, secretParamKeys()) : request;
  const out: ReportRequest = { method: r.method, url: r.url };
  if (r.status !== undefined) out.status = r.status;
  if (r.body?.kind === 'text') out.body = r.body.text;
  else if (r.body?.kind === 'binary') out.bodyBase64 = r.body.base64;
  if (r.body?.mimeType) out.mimeType = r.body.mimeType;
  return out;
}
