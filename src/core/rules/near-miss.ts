import type { Beacon } from '../beacon.js';
import type { ProtocolModule } from '../protocols/protocol.js';

/** Below this length a one-letter edit matches too many unrelated keys (`t` → `e`, `id` → `ti`). */
const MIN_EDIT_LENGTH = 5;

/** Whether `a` becomes `b` by adding, dropping or changing one character. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  // Same length: one change at i; otherwise one character inserted at i.
  const skipShort = short.length === long.length ? 1 : 0;
  return short.slice(i + skipShort) === long.slice(i + 1);
}

/**
 * Why a required key is missing although something like it was sent: the key present on the beacon that
 * differs only in letter case, or (for longer keys) by one letter, with the reason. Keys the protocol
 * itself knows are never taken for a misspelling: they are there for their own sake.
 */
function nearMiss(
  beacon: Beacon,
  key: string,
  protocol: ProtocolModule,
): { key: string; why: string } | undefined {
  const lower = key.toLowerCase();
  let edit: string | undefined;
  for (const present of Object.keys(beacon.values)) {
    if (present === key || protocol.paramSpec(present) !== undefined) continue;
    if (present.toLowerCase() === lower) return { key: present, why: 'keys are case-sensitive' };
    if (edit === undefined && key.length >= MIN_EDIT_LENGTH && oneEditApart(key, present)) edit = present;
  }
  return edit === undefined ? undefined : { key: edit, why: 'one letter apart: keys must match exactly' };
}

/**
 * The sentences the `…/missing-required` rules add for missing keys that were sent misspelt, e.g.
 * " event:eventTimestamp missing; event:eventTimeStamp is present (keys are case-sensitive)." (with a
 * leading space), or "" when none was. Keys sent empty are not looked at: they are not misspelt.
 */
export function nearMissNotes(beacon: Beacon, missing: readonly string[], protocol: ProtocolModule): string {
  let notes = '';
  for (const key of missing) {
    if (key in beacon.values) continue;
    const miss = nearMiss(beacon, key, protocol);
    if (miss) notes += ` ${key} missing; ${miss.key} is present (${miss.why}).`;
  }
  return notes;
}
