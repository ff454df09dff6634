import type { Beacon } from '../../../beacon.js';
import { defineRule, type FindingDraft } from '../../../rules/rule.js';
import { EVENT, QUARTILES } from '../events.js';
import { eventLabel } from './describe.js';

interface State {
  impression: boolean;
  playRequested: boolean;
  play: boolean;
  /** A Pause (33) not yet followed by a Resume. */
  paused: boolean;
  /**
   * A Seek (35) came before Play: the player starts at a configured position (playback.startTime) and
   * sends the quartiles it skips right away, before Play. Real behaviour, not an order error.
   */
  startSeek: boolean;
  /** Highest quartile (0–3) of the current play-through and its beacon, -1 before any. */
  quartile: number;
  quartileBeacon: number;
}

export const order = defineRule<State>({
  id: 'kava/order',
  severity: 'error',
  title: 'Event order',
  explanation:
    'KAVA events follow the viewing: Player Impression (1) → Play Requested (2) → Play (3), then Views and the quartiles 25 → 50 → 75 → 100% in order (a seek past several sends the skipped ones at once, in order; a player configured to start later seeks before Play and sends the quartiles it skipped first), Resume only after a Pause. A Replay (34) starts a new play-through. Anything else means lost or misplaced beacons.',
  createState: () => ({
    impression: false,
    playRequested: false,
    play: false,
    paused: false,
    startSeek: false,
    quartile: -1,
    quartileBeacon: -1,
  }),
  check(beacon, _session, s) {
    const out: FindingDraft[] = [];
    const say = (message: string, beacons: number[] = [beacon.index]) => out.push({ message, beacons });
    const type = beacon.values.eventType;
    switch (type) {
      case EVENT.impression:
        s.impression = true;
        break;
      case EVENT.playRequested:
        if (!s.impression)
          say(
            `${eventLabel(beacon)} arrived before any Player Impression (1): expected the Impression first.`,
          );
        s.playRequested = true;
        break;
      case EVENT.play:
        if (!s.playRequested)
          say(`${eventLabel(beacon)} arrived before any Play Requested (2): expected Play Requested first.`);
        s.play = true;
        break;
      case EVENT.resume:
        if (!s.paused)
          say(`${eventLabel(beacon)} arrived without an earlier Pause clicked (33): expected a Pause first.`);
        s.paused = false;
        break;
      case EVENT.pause:
        s.paused = true;
        break;
      case EVENT.seek:
        if (!s.play) s.startSeek = true;
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
        if (!s.startSeek) beforePlay(beacon, s, say);
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
  if (!s.play) say(`${eventLabel(beacon)} arrived before any Play (3): expected Play first.`);
}
