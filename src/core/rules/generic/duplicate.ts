import type { Beacon, DecodedParam } from '../../beacon.js';
import type { ProtocolModule } from '../../protocols/protocol.js';
import { defineRule } from '../rule.js';

const ignoredByProtocol = new WeakMap<ProtocolModule, ReadonlySet<string>>();

function ignored(protocol: ProtocolModule): ReadonlySet<string> {
  let set = ignoredByProtocol.get(protocol);
  if (!set) {
    set = new Set(protocol.sendTimeParams);
    ignoredByProtocol.set(protocol, set);
  }
  return set;
}

/** FNV-1a over the compared parameters as sent: a small key instead of storing every beacon's text. */
function hashParams(params: readonly DecodedParam[], skip: ReadonlySet<string>): number {
  let h = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  for (const p of params) {
    if (skip.has(p.key)) continue;
    mix(p.key);
    mix(p.raw);
  }
  return h >>> 0;
}

function compared(params: readonly DecodedParam[], skip: ReadonlySet<string>): DecodedParam[] {
  return skip.size === 0 ? (params as DecodedParam[]) : params.filter((p) => !skip.has(p.key));
}

function sameParams(a: Beacon, b: Beacon, skip: ReadonlySet<string>): boolean {
  const x = compared(a.params, skip);
  const y = compared(b.params, skip);
  return x.length === y.length && x.every((p, i) => p.key === y[i]!.key && p.raw === y[i]!.raw);
}

export const duplicate = defineRule({
  id: 'beacon/duplicate',
  severity: 'warning',
  title: 'Duplicate beacon',
  explanation:
    'A beacon identical to an earlier one of its session in every parameter (send-time fields aside) was sent twice or retried: the event may be counted twice. After a KAVA session reset the same eventIndex carries another event, so it is no duplicate.',
  /** Hash of the compared parameters → the session's beacons with it (the first of each kind). */
  createState: () => new Map<number, Beacon[]>(),
  check(beacon, _session, seen, env) {
    const skip = ignored(env.protocol);
    const hash = hashParams(beacon.params, skip);
    const candidates = seen.get(hash);
    const first = candidates?.find((other) => sameParams(other, beacon, skip));
    if (!first) {
      if (candidates) candidates.push(beacon);
      else seen.set(hash, [beacon]);
      return undefined;
    }
    return [
      {
        message: `${beacon.event.name} was sent again with exactly the same parameters as beacon #${first.index}: expected each event once.`,
        beacons: [first.index, beacon.index],
      },
    ];
  },
});
