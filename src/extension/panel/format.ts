import type { ProtocolId } from '../../core/protocols/protocol.js';

/** Wall-clock time with milliseconds, local time like DevTools' network panel. */
export function clockTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export const PROTOCOL_SHORT: Record<ProtocolId, string> = {
  kava: 'KAVA',
  'kaltura-stats': 'Stats',
  jw: 'JW',
};

/** HTTP status column: the code, the network error, or pending. */
export function statusText(status: number | undefined, error: string | undefined): string {
  if (status === undefined) return 'pending';
  if (status === 0) return error ? error.replace(/^net::/, '') : 'failed';
  return String(status);
}
