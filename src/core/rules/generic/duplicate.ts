import type { Beacon } from '../../beacon.js';
import { queryOf } from '../../protocols/define-protocol.js';
import { defineRule } from '../rule.js';

/**
 * What must be identical for a duplicate. Without send-time fields that is the parameter text as sent
 * (query and body): a slice of strings the capture keeps anyway, hashed natively by the Map. Otherwise
 * the parameters minus the send-time ones.
 */
function signature(beacon: Beacon, sendTime: readonly string[]): string {
  if (sendTime.length > 0) {
    let text = '';
    for (const p of beacon.params) if (!sendTime.includes(p.key)) text += `${p.key}\u0000${p.raw}\u0001`;
    return text;
  }
  const query = queryOf(beacon.request.url);
  const body = beacon.request.body;
  if (!body) return query;
  return `${query}\u0000${body.kind === 'text' ? body.text : body.base64}`;
}

export const duplicate = defineRule({
  id: 'beacon/duplicate',
  severity: 'warning',
  title: 'Duplicate beacon',
  explanation:
    'A beacon identical to an earlier one of its session in every parameter (send-time fields aside) was sent twice or retried: the event may be counted twice. After a KAVA session reset the same eventIndex carries another event, so it is no duplicate.',
  /** Signature → index of the first beacon of the session with it. */
  createState: () => new Map<string, number>(),
  check(beacon, _session, seen, env) {
    const key = signature(beacon, env.protocol.sendTimeParams);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, beacon.index);
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
