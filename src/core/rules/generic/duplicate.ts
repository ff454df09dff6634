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

export const duplicate = defineRule({
  id: 'beacon/duplicate',
  severity: 'warning',
  title: 'Duplicate beacon',
  explanation:
    'A beacon identical to an earlier one of its session in every parameter (send-time fields aside) was sent twice or retried: the event may be counted twice. After a KAVA session reset the same eventIndex carries another event, so it is no duplicate.',
  /** Signature (parameters as sent) → index of the first beacon with it. */
  createState: () => new Map<string, number>(),
  check(beacon, _session, seen, env) {
    const skip = ignored(env.protocol);
    let signature = '';
    for (const p of beacon.params) if (!skip.has(p.key)) signature += `${p.key}\u0000${p.raw}\u0001`;
    const first = seen.get(signature);
    if (first === undefined) {
      seen.set(signature, beacon.index);
      return undefined;
    }
    return [
      {
        message: `${beacon.event.name} was sent again with exactly the same parameters as beacon #${first}: expected each event once.`,
        beacons: [first, beacon.index],
      },
    ];
  },
});
