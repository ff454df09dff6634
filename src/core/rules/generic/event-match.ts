import type { Beacon } from '../../beacon.js';

/** Config names events by code ("3", "s") or by name ("Play", case-insensitive). */
export function eventMatches(beacon: Beacon, event: string): boolean {
  return beacon.event.code === event || beacon.event.name.toLowerCase() === event.toLowerCase();
}
