import { defineRule } from '../../../rules/rule.js';
import { eventLabel, seconds } from './describe.js';
import { advancePauseClock, createPauseClock, type PauseClock } from './pause-clock.js';

export const sessionReset = defineRule<PauseClock>({
  id: 'kava/session-reset',
  severity: 'info',
  title: 'Session reset',
  explanation:
    'After a pause of 30 s or more (configurable: kava.sessionResetSeconds), Kaltura’s player resets its KAVA session: eventIndex restarts at 1 with the same sessionId, and playTimeSum/bufferTimeSum restart at 0. A seek while paused, and the quartiles it sends, do not end the pause. Normal behaviour, worth knowing when reading the timeline.',
  createState: createPauseClock,
  check(beacon, _session, clock, env) {
    const resetAfter = advancePauseClock(clock, beacon, env.config.kava.sessionResetSeconds);
    if (resetAfter === undefined) return undefined;
    return [
      {
        message: `eventIndex restarted at 1 on ${eventLabel(beacon)} after a ${seconds(resetAfter)} s pause: the player reset its session (it does so after ${env.config.kava.sessionResetSeconds} s paused).`,
        beacons: [beacon.index],
      },
    ];
  },
});
