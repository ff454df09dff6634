import { jw } from './jw/index.js';
import { kalturaStats } from './kaltura-stats/index.js';
import { kava } from './kava/index.js';
import type { ProtocolModule } from './protocol.js';

/** Every protocol Player Inspector knows, cheapest matcher first. Add a protocol here. */
export const defaultProtocols: readonly ProtocolModule[] = [jw, kava, kalturaStats];

export function protocolById(id: string): ProtocolModule | undefined {
  return defaultProtocols.find((p) => p.id === id);
}
