import { isInteger } from '../../../params/formats.js';
import { defineRule } from '../../../rules/rule.js';
import { advancePauseClock, createPauseClock, type PauseClock } from './pause-clock.js';

interface State {
  clock: PauseClock;
  last: number | undefined;
  lastBeacon: number;
}

export const eventIndexSequence = defineRule<State>({
  id: 'kava/event-index-sequence',
  severity: 'error',
  title: 'Event index sequence',
  explanation:
    'eventIndex counts the events of a session: it starts at 1 and grows by exactly 1. A gap means beacons were lost, a repeat or a step back means double sending or reordering. Kaltura’s player restarts at 1 (same sessionId) on the first event after a pause of 30 s or more: that is its session reset, not an error.',
  createState: () => ({ clock: createPauseClock(), last: undefined, lastBeacon: -1 }),
  check(beacon, _session, state, env) {
    const resetAfter = advancePauseClock(state.clock, beacon, env.config.kava.sessionResetSeconds);
    const raw = beacon.values.eventIndex;
    if (raw === undefined || !isInteger(raw)) return undefined;
    const index = Number(raw);
    const last = state.last;
    const lastBeacon = state.lastBeacon;
    state.last = index;
    state.lastBeacon = beacon.index;
    if (resetAfter !== undefined) return undefined;
    if (last === undefined) {
      if (index === 1) return undefined;
      return [
        {
          message: `The session's first eventIndex is ${index}: expected 1 (${index - 1} earlier beacon${index === 2 ? '' : 's'} lost or not captured?).`,
          beacons: [beacon.index],
        },
      ];
    }
    if (index === last + 1) return undefined;
    const lost = index - last - 1;
    const why =
      lost > 0
        ? `${lost} beacon${lost === 1 ? '' : 's'} lost?`
        : index === last
          ? 'sent twice?'
          : 'out of order?';
    return [
      {
        message: `eventIndex ${index} follows ${last}: expected ${last + 1} (${why}).`,
        beacons: [lastBeacon, beacon.index],
      },
    ];
  },
});
