import type { Beacon } from '../../../beacon.js';
import { defineRule, type FindingDraft } from '../../../rules/rule.js';
import { EVENT, QUARTILES } from '../events.js';
import { eventLabel } from './describe.js';

interface State {
  /** Index of the first Impression / Play Requested / Play seen, -1 until then. */
  impression: number;
  playRequested: number;
  play: number;
  /** The Pause (33) not yet followed by a Resume, -1 when none. */
  openPause: number;
  /** Highest quartile (0–3) of the current play-through and its beacon, -1 before any. */
  quartile: number;
  quartileBeacon: number;
}

export const order = defineRule<State>({
  id: 'kava/order',
  severity: 'error',
  title: 'Event order',
  explanation:
    'KAVA events follow the viewing: Player Impression (1) → Play Requested (2) → Play (3), then Views and the quartiles 25 → 50 → 75 → 100% in order (a seek past several sends the skipped ones at once, in order), Resume only after a Pause. A Replay (34) starts a new play-through. Anything else means lost or misplaced beacons.',
  createState: () => ({
    impression: -1,
    playRequested: -1,
    play: -1,
    openPause: -1,
    quartile: -1,
    quartileBeacon: -1,
  }),
  check(beacon, _session, s) {
    const out: FindingDraft[] = [];
    const say = (message: string, beacons: number[] = [beacon.index]) => out.push({ message, beacons });
    const type = beacon.values.eventType;
    switch (type) {
      case EVENT.impression:
        if (s.impression === -1) s.impression = beacon.index;
        break;
      case EVENT.playRequested:
        if (s.impression === -1)
          say(
            `${eventLabel(beacon)} arrived before any Player Impression (1): expected the Impression first.`,
          );
        if (s.playRequested === -1) s.playRequested = beacon.index;
        break;
      case EVENT.play:
        if (s.playRequested === -1)
          say(`${eventLabel(beacon)} arrived before any Play Requested (2): expected Play Requested first.`);
        if (s.play === -1) s.play = beacon.index;
        break;
      case EVENT.resume:
        if (s.openPause === -1)
          say(`${eventLabel(beacon)} arrived without an earlier Pause clicked (33): expected a Pause first.`);
        s.openPause = -1;
        break;
      case EVENT.pause:
        s.openPause = beacon.index;
        break;
      case EVENT.replay:
        s.quartile = -1;
        s.quartileBeacon = -1;
        break;
      case EVENT.view:
        beforePlay(beacon, s, say);
        break;
      default: {
        const quartile = type === undefined ? -1 : QUARTILES.indexOf(type);
        if (quartile === -1) break;
        beforePlay(beacon, s, say);
        if (quartile !== s.quartile + 1 && quartile !== s.quartile) {
          const expected =
            s.quartile === QUARTILES.length - 1
              ? 'no further quartile'
              : `Play reached ${25 * (s.quartile + 2)}% (${QUARTILES[s.quartile + 1]}) next`;
          const seen =
            s.quartile === -1
              ? 'as the first quartile of this play-through'
              : `after Play reached ${25 * (s.quartile + 1)}% in this play-through`;
          const concerned = s.quartileBeacon === -1 ? [beacon.index] : [s.quartileBeacon, beacon.index];
          say(`${eventLabel(beacon)} came ${seen}: expected ${expected}.`, concerned);
        }
        if (quartile > s.quartile) {
          s.quartile = quartile;
          s.quartileBeacon = beacon.index;
        }
      }
    }
    return out.length > 0 ? out : undefined;
  },
});

function beforePlay(beacon: Beacon, s: State, say: (message: string) => void): void {
  if (s.play === -1) say(`${eventLabel(beacon)} arrived before any Play (3): expected Play first.`);
}
