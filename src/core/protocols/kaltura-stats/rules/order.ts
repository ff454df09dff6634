import type { FindingDraft } from '../../../rules/rule.js';
import { defineRule } from '../../../rules/rule.js';

interface OrderState {
  widgetLoaded: boolean;
  mediaLoaded: boolean;
  /** Play (3) or Replay (16) seen: quartiles may follow. */
  playing: boolean;
  /** Highest quartile event (4–7) of the current play-through, 0 for none. */
  quartile: number;
  openBuffers: number;
  openFullScreens: number;
  /** Ad Started events seen (24 preroll, 25 midroll, 26 postroll). */
  adsStarted: Set<number>;
}

const QUARTILE_NAMES = ['25%', '50%', '75%', '100%'];
const AD_NAMES: Record<number, string> = {
  24: 'Preroll Started',
  25: 'Midroll Started',
  26: 'Postroll Started',
};

export const order = defineRule({
  id: 'stats/order',
  severity: 'error',
  title: 'Event order',
  explanation:
    'A stats session runs Widget Loaded (1) and Media Loaded (2), in either order (the HTML5 v2 player ' +
    'sends 2 first), → Play (3) → Play reached 25/50/75/100% (4–7), with Buffer End (13) after a Buffer Start (12), Close Full Screen (15) after Open Full Screen ' +
    '(14) and ad quartiles after their ad started. Another order means lost or misfired events.',
  createState: (): OrderState => ({
    widgetLoaded: false,
    mediaLoaded: false,
    playing: false,
    quartile: 0,
    openBuffers: 0,
    openFullScreens: 0,
    adsStarted: new Set(),
  }),
  check(beacon, _session, s) {
    const code = Number(beacon.event.code);
    const at = [beacon.index];
    const fail = (message: string): FindingDraft[] => [{ message, beacons: at }];
    switch (code) {
      case 1:
        s.widgetLoaded = true;
        return undefined;
      // Either order: KDP and the Android SDK send 1 then 2, the HTML5 v2 player (mwEmbed) 2 then 1.
      case 2:
        s.mediaLoaded = true;
        return undefined;
      case 3:
      case 16: {
        s.playing = true;
        s.quartile = 0;
        if (code !== 3) return undefined;
        if (!s.mediaLoaded) return fail('Expected Media Loaded (2) before Play (3), but Play came first.');
        if (!s.widgetLoaded) {
          return fail('Expected Widget Loaded (1) before Play (3), but Play came without one.');
        }
        return undefined;
      }
      case 4:
      case 5:
      case 6:
      case 7: {
        const name = `Play reached ${QUARTILE_NAMES[code - 4]} (${code})`;
        if (!s.playing) return fail(`Expected Play (3) before ${name}, but no Play came first.`);
        const last = s.quartile;
        s.quartile = Math.max(last, code);
        if (code > last) return undefined;
        return fail(
          `Expected ${name} before Play reached ${QUARTILE_NAMES[last - 4]} (${last}) in one play-through, but it came after it.`,
        );
      }
      case 12:
        s.openBuffers += 1;
        return undefined;
      case 13:
        if (s.openBuffers > 0) {
          s.openBuffers -= 1;
          return undefined;
        }
        return fail('Expected a Buffer Start (12) before Buffer End (13), but there was none open.');
      case 14:
        s.openFullScreens += 1;
        return undefined;
      case 15:
        if (s.openFullScreens > 0) {
          s.openFullScreens -= 1;
          return undefined;
        }
        return fail(
          'Expected an Open Full Screen (14) before Close Full Screen (15), but there was none open.',
        );
      case 24:
      case 25:
      case 26:
        s.adsStarted.add(code);
        return undefined;
      default: {
        if (code < 32 || code > 40) return undefined;
        const started = 24 + Math.floor((code - 32) / 3);
        if (s.adsStarted.has(started)) return undefined;
        return fail(
          `Expected ${AD_NAMES[started]} (${started}) before the ad quartile ${beacon.event.name} (${code}), but it never came.`,
        );
      }
    }
  },
});
