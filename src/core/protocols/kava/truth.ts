import { numberParam, type TruthMapping } from '../../truth/mapping.js';
import { EVENT, isLive } from './events.js';

/**
 * KAVA against the real video (docs/real-player.md): Play (3) on the first play, Resume (4) after a pause
 * and on a replay (with Replay, 34); Pause (33) also for the browser's own pause at the end; Seek (35)
 * with `position` = the target; `playTimeSum` a running total that restarts at a session reset. Live
 * positions are stream times, not judged.
 */
export const kavaTruth: TruthMapping = {
  events: [
    { kind: 'start', codes: [EVENT.play, EVENT.resume, EVENT.replay] },
    { kind: 'resume', codes: [EVENT.resume] },
    { kind: 'pause', codes: [EVENT.pause] },
    { kind: 'seek', codes: [EVENT.seek] },
    { kind: 'source', codes: [EVENT.impression], reverse: false },
  ],
  playhead: {
    label: 'position',
    read: (b) => (isLive(b.values) ? undefined : numberParam(b, 'position')),
  },
  watched: { label: 'playTimeSum', mode: 'cumulative', read: (b) => numberParam(b, 'playTimeSum') },
  quartiles: [
    { fraction: 0.25, match: '11' },
    { fraction: 0.5, match: '12' },
    { fraction: 0.75, match: '13' },
    { fraction: 1, match: '14' },
  ],
};
