import type { CapturedRequest } from '../../src/core/capture/captured-request.js';
import { KavaSession, realPlayerSession, SESSION_START } from './kava-session.js';

/**
 * `sessions` real-player KAVA sessions one after the other (15 beacons each), every tenth beacon with
 * no partnerId so that there are error findings: a large capture for the writers and the CLI.
 */
export function* largeCapture(sessions: number): Generator<CapturedRequest> {
  let n = 0;
  for (let s = 0; s < sessions; s++) {
    const id = `00000000-0000-4000-8000-${String(s).padStart(12, '0')}`;
    for (const request of realPlayerSession(new KavaSession(id, SESSION_START + s * 60_000))) {
      n += 1;
      yield n % 10 === 0 ? { ...request, url: request.url.replace(/&partnerId=[^&]*/, '') } : request;
    }
  }
}

/** The same capture as a URL list file's text (one `<epoch ms> <url>` line per beacon). */
export function largeUrlList(sessions: number): string {
  const lines: string[] = [];
  for (const r of largeCapture(sessions)) lines.push(`${r.startTime} ${r.url}`);
  return `${lines.join('\n')}\n`;
}
