/**
 * The layout of the beacons kept in IndexedDB has a format version: the database's own version. A
 * database written by another build of the extension is carried over when a migration step exists for
 * each version in between, and cleared otherwise (a newer build's layout is unknown to this one).
 *
 * 1: rows `{ tabId, request }` keyed by [tab, send time, id], index `byId`.
 * 2: index `byStart` on the send time, so that a new browser session drops old rows without a full scan.
 */
export const FORMAT_VERSION = 2;

/** The oldest format whose rows the steps in request-store.ts can carry over. */
export const OLDEST_MIGRATABLE = 1;

export type FormatPlan =
  | { action: 'create' }
  | { action: 'keep' }
  | { action: 'migrate'; from: number }
  | { action: 'clear'; from: number };

/** What to do with a database found at format version `found` (0: there is none). */
export function planFormat(
  found: number,
  current = FORMAT_VERSION,
  oldestMigratable = OLDEST_MIGRATABLE,
): FormatPlan {
  if (found === 0) return { action: 'create' };
  if (found === current) return { action: 'keep' };
  if (found < current && found >= oldestMigratable) return { action: 'migrate', from: found };
  return { action: 'clear', from: found };
}

/** The panel's message after stored beacons of format `from` were cleared. */
export function clearedNotice(from: number, current = FORMAT_VERSION): string {
  const which = from > current ? 'a newer' : 'an older';
  return `Stored beacons from ${which} version of Player Inspector could not be read and were cleared.`;
}
