import type { Beacon } from '../../core/beacon.js';
import type { ProtocolId } from '../../core/protocols/protocol.js';
import { protocolById } from '../../core/protocols/registry.js';

/** Which beacons an expectation or `waitForEvent` is about. */
export interface EventMatch {
  /** Only beacons of this protocol (default: any). */
  protocol?: ProtocolId;
  /** Event name ("Seek", case-insensitive) or code ("35", "s"). Default: any event. */
  name?: string;
  /**
   * Parameters the beacon must carry: `true` = present and non-empty, `false` = absent, a string = that
   * exact value. Keys are canonical (`targetPosition`, `event:seek`, `pw`).
   */
  params?: Record<string, string | boolean>;
}

export function matchesEvent(beacon: Beacon, match: EventMatch): boolean {
  if (match.protocol && beacon.protocol !== match.protocol) return false;
  if (match.name !== undefined) {
    const wanted = match.name.toLowerCase();
    if (beacon.event.code.toLowerCase() !== wanted && beacon.event.name.toLowerCase() !== wanted)
      return false;
  }
  for (const [key, want] of Object.entries(match.params ?? {})) {
    const value = beacon.values[key];
    const present = value !== undefined && value !== '';
    if (want === true ? !present : want === false ? present : value !== want) return false;
  }
  return true;
}

/** "a KAVA Seek event with targetPosition", for messages. */
export function describeMatch(match: EventMatch): string {
  const label = match.protocol ? `${protocolById(match.protocol)?.label ?? match.protocol} ` : '';
  const event = `${label}${match.name ? `${match.name} event` : 'beacon'}`;
  const params = Object.entries(match.params ?? {}).map(([key, want]) =>
    want === true ? key : want === false ? `no ${key}` : `${key}=${want}`,
  );
  return `${/^[aeiou]/i.test(event) ? 'an' : 'a'} ${event}${params.length ? ` with ${params.join(', ')}` : ''}`;
}
