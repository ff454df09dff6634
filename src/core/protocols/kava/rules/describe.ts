import type { Beacon } from '../../../beacon.js';

/** "Play (3)": how findings name a beacon's event. */
export function eventLabel(beacon: Beacon): string {
  return `${beacon.event.name} (${beacon.event.code})`;
}

/** Milliseconds as seconds with at most one decimal: 13000 → "13", 10030 → "10". */
export function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
