import { defineRule } from '../../../rules/rule.js';

/**
 * Constant within a play by the document but not in the protocol's `sessionConstants` (those identity
 * fields are session/mixed-ids'): `vd q` from the Play on, and the optional app fields.
 */
const FROM_PLAY = ['vd', 'q'] as const;
const ALWAYS = ['oiid', 'av', 'oaid', 'oosv'] as const;
const ALL = [...FROM_PLAY, ...ALWAYS];

export const constantChanged = defineRule({
  id: 'jw/constant-changed',
  severity: 'warning',
  title: 'Value changed within a play',
  explanation:
    'Within a play (`pli`) the duration `vd` and quantile count `q` stay fixed from the Play (s) on, and ' +
    'the app fields `oiid av oaid oosv` never change; a change splits the play in reports. (The identity ' +
    'fields `aid bun fed id t emi pss oos sdk` are checked by session/mixed-ids.)',
  createState: () => new Map<string, string>(),
  check(beacon, _session, seen) {
    const e = beacon.values.e;
    if (e === 's') for (const key of FROM_PLAY) seen.delete(key);
    const out = [];
    const keys = e === 's' || seen.has('vd') || seen.has('q') ? ALL : ALWAYS;
    for (const key of keys) {
      const value = beacon.values[key];
      if (value === undefined) continue;
      const before = seen.get(key);
      seen.set(key, value);
      if (before === undefined || before === value) continue;
      out.push({
        message: `Expected ${key} to stay "${before}" within the play, but it changed to "${value}".`,
        beacons: [beacon.index],
      });
    }
    return out.length > 0 ? out : undefined;
  },
});
