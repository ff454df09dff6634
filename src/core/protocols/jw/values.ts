import type { Beacon } from '../../beacon.js';
import { isNumber } from '../../params/formats.js';

/** A numeric parameter, or undefined when absent or not a number. */
export function numberParam(beacon: Beacon, key: string): number | undefined {
  const v = beacon.values[key];
  return v !== undefined && isNumber(v) ? Number(v) : undefined;
}

/** VOD pings carry a positive `vd`; live pings `vd=0`. Undefined when the ping has no duration. */
export function streamKind(beacon: Beacon): 'vod' | 'live' | undefined {
  const vd = numberParam(beacon, 'vd');
  if (vd === undefined) return undefined;
  return vd > 0 ? 'vod' : 'live';
}

/** The quantile count the document sets for a VOD duration (seconds). */
export function quantilesFor(vd: number): number {
  if (vd < 30) return 1;
  if (vd < 60) return 4;
  if (vd < 180) return 8;
  if (vd < 300) return 16;
  return 32;
}
