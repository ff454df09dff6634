import { defineRule } from '../../../rules/rule.js';
import { EVENT, PLAYING_EVENTS } from '../events.js';
import { seconds } from './describe.js';
import { advancePauseClock, createPauseClock, type PauseClock } from './pause-clock.js';

const HIDDEN_TAB = '1';

/** What the next View is measured from: Play (it comes with it), a restart of the count, or a View. */
type ReferenceKind = 'play' | 'restart' | 'view';

interface State {
  clock: PauseClock;
  reference: { time: number; beacon: number; kind: ReferenceKind } | undefined;
  /** Paused milliseconds since the reference: Views count unpaused time only. */
  pausedMs: number;
  pausedAt: number | undefined;
  ended: boolean;
}

const REFERENCE_NAME: Record<ReferenceKind, string> = {
  play: 'Play',
  restart: 'the restart of the View count',
  view: 'the previous View',
};

export const viewInterval = defineRule<State>({
  id: 'kava/view-interval',
  severity: 'warning',
  title: 'View interval',
  explanation:
    'While content plays, Kaltura’s player sends a View (99) with Play (KAVA 0.14 on; before 0.14, whose Views carry no playbackSpeed, the first View comes one interval after Play) and then one every 10 s of unpaused time (kava.viewIntervalSeconds, ± kava.viewIntervalTolerance). Time paused between two Views is not counted (a seek while paused sends quartiles, still paused: they do not end the pause); a Replay or a session reset starts the count again; no View is expected after the end. Views from a hidden tab (tabMode 1) are not judged: browsers slow timers there. Missing Views under-count viewing time.',
  createState: () => ({
    clock: createPauseClock(),
    reference: undefined,
    pausedMs: 0,
    pausedAt: undefined,
    ended: false,
  }),
  check(beacon, _session, s, env) {
    const { viewIntervalSeconds, viewIntervalTolerance, sessionResetSeconds } = env.config.kava;
    const resetAfter = advancePauseClock(s.clock, beacon, sessionResetSeconds);
    const type = beacon.values.eventType;
    if (type === EVENT.pause) s.pausedAt ??= beacon.time;
    else if (s.pausedAt !== undefined && type !== undefined && PLAYING_EVENTS.has(type)) {
      s.pausedMs += beacon.time - s.pausedAt;
      s.pausedAt = undefined;
    }
    const restart = (kind: ReferenceKind) => {
      s.reference = { time: beacon.time, beacon: beacon.index, kind };
      s.pausedMs = 0;
    };
    if (resetAfter !== undefined) {
      restart('restart');
      return undefined;
    }
    switch (type) {
      case EVENT.play:
        restart('play');
        s.ended = false;
        return undefined;
      case EVENT.replay:
        restart('restart');
        s.ended = false;
        return undefined;
      case EVENT.reached100:
        s.ended = true;
        return undefined;
      case EVENT.view:
        break;
      default:
        return undefined;
    }
    const reference = s.reference;
    const pausedMs = s.pausedMs;
    restart('view');
    // Browsers throttle timers in hidden tabs (tabMode 1), so the player's View clock runs late there.
    if (s.ended || reference === undefined || beacon.values.tabMode === HIDDEN_TAB) return undefined;
    const gapMs = beacon.time - reference.time - pausedMs;
    const tolerance = viewIntervalTolerance * 1000;
    const interval = viewIntervalSeconds * 1000;
    let expected: string | undefined;
    if (reference.kind === 'play' && beacon.values.playbackSpeed === undefined) {
      // KAVA before 0.14 (no playbackSpeed on its Views yet) sends no View with Play: its first comes
      // one interval later. Either timing is accepted from such a client.
      if (gapMs > tolerance && Math.abs(gapMs - interval) > tolerance) {
        expected = `the first View with Play or, from KAVA before 0.14, ${viewIntervalSeconds} ± ${viewIntervalTolerance} s after it`;
      }
    } else if (reference.kind === 'play' && gapMs > tolerance) expected = 'the first View with Play';
    else if (reference.kind === 'restart' && gapMs > interval + tolerance) {
      expected = `a View within ${viewIntervalSeconds} ± ${viewIntervalTolerance} s`;
    } else if (reference.kind === 'view' && Math.abs(gapMs - interval) > tolerance) {
      expected = `one every ${viewIntervalSeconds} ± ${viewIntervalTolerance} s`;
    }
    if (expected === undefined) return undefined;
    const paused =
      pausedMs > 0 ? ` (${seconds(gapMs + pausedMs)} s wall time, ${seconds(pausedMs)} s of it paused)` : '';
    return [
      {
        message: `View came ${seconds(gapMs)} s of unpaused play after ${REFERENCE_NAME[reference.kind]}${paused}: expected ${expected}.`,
        beacons: [reference.beacon, beacon.index],
      },
    ];
  },
});
