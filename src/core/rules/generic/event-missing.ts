import { defineRule } from '../rule.js';
import { eventMatches } from './event-match.js';

export const eventMissing = defineRule({
  id: 'expect/event-missing',
  severity: 'error',
  title: 'Expected event missing',
  explanation:
    'The config file (expect.events) or the audit scenario names events every session of a protocol must contain, e.g. Play reached 100% after playing to the end. Judged at the end of the capture.',
  /** Per entry of config.expect.events, how many beacons of this session matched it. */
  createState: () => [] as number[],
  check(beacon, _session, counts, env) {
    env.config.expect.events.forEach((expectation, i) => {
      if (expectation.protocol !== env.protocol.id || !eventMatches(beacon, expectation.event)) return;
      counts[i] = (counts[i] ?? 0) + 1;
    });
    return undefined;
  },
  finish(_session, counts, env) {
    const out = [];
    for (const [i, expectation] of env.config.expect.events.entries()) {
      if (expectation.protocol !== env.protocol.id) continue;
      const min = expectation.min ?? 1;
      const seen = counts[i] ?? 0;
      if (seen >= min) continue;
      const spec = env.protocol.eventSpec(expectation.event);
      const label = spec ? `${spec.name} (${spec.code})` : JSON.stringify(expectation.event);
      out.push({
        message: `Expected at least ${min} ${label} in this session (config expect.events), saw ${seen}.`,
        beacons: [],
      });
    }
    return out;
  },
});
