import type { CapturedRequest } from './captured-request.js';
import { InputError } from './har-import.js';

export interface UrlListOptions {
  /** File name used in error messages. */
  name?: string;
  /** Prefix of request ids (default ''). */
  idPrefix?: string;
  /** Time given to the first line without a time of its own (default: now). */
  startTime?: number;
}

/** Lines without a time are sent this long after the previous line. */
export const SYNTHETIC_STEP_MS = 1000;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?$/;
const EPOCH_MS = /^\d{13}$/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\S/i;

/**
 * A text file of one URL per line, each read as a GET. Blank lines and `#` comments are skipped. A line
 * may start with an ISO time or epoch milliseconds and whitespace; a line without one is given a
 * synthetic time: the previous line's time plus one second (the first: `startTime`, default now), so
 * order is kept but interval rules (View every 10 s, …) judge made-up timing.
 */
export function importUrlList(text: string, options: UrlListOptions = {}): CapturedRequest[] {
  const name = options.name ?? 'input';
  const requests: CapturedRequest[] = [];
  let previous: number | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const [first = '', ...rest] = line.split(/\s+/);
    let time = parseTime(first);
    const url = time === undefined ? line : rest.join(' ');
    if (!HAS_SCHEME.test(url)) {
      const shown = url.length > 60 ? `${url.slice(0, 60)}…` : url;
      throw new InputError(
        `${name}:${i + 1}: not a URL (expected one URL per line): ${JSON.stringify(shown)}`,
      );
    }
    time ??= previous === undefined ? (options.startTime ?? Date.now()) : previous + SYNTHETIC_STEP_MS;
    previous = time;
    requests.push({ id: `${options.idPrefix ?? ''}${requests.length}`, method: 'GET', url, startTime: time });
  });
  return requests;
}

function parseTime(token: string): number | undefined {
  if (EPOCH_MS.test(token)) return Number(token);
  if (!ISO_TIME.test(token)) return undefined;
  const time = Date.parse(token);
  return Number.isFinite(time) ? time : undefined;
}
