import type { Beacon } from '../../beacon.js';
import { at, named, secs, type TruthFindingDraft, type TruthRule, withSession } from '../context.js';

export const watchedTime: TruthRule = {
  id: 'truth/watched-time',
  severity: 'error',
  title: 'Reported watched time differs from the video',
  explanation:
    'Watched time the protocol reports (KAVA playTimeSum between two Views, JW ti since the previous time ' +
    'ping) is compared with the seconds the video really played in that span; beyond ' +
    'truth.watchedToleranceSeconds (default 2 s, plus 1 s for JW’s whole seconds) viewing time is over- or ' +
    'under-counted (paused or buffering seconds counted as watched, a timer that stops).',
  judge(context) {
    const out: TruthFindingDraft[] = [];
    for (const group of context.groups) {
      const watched = group.mapping.watched;
      if (!watched) continue;
      const tol = context.tolerance.watchedToleranceSeconds + (watched.resolution ?? 0);
      for (const session of group.sessions) {
        let previous: { beacon: Beacon; value: number } | undefined;
        for (const beacon of group.beacons) {
          if (beacon.sessionId !== session.id) continue;
          const value = watched.read(beacon);
          if (value === undefined) continue;
          const last = previous;
          previous = { beacon, value };
          // A running sum that went down restarted (KAVA's session reset): a new baseline.
          if (
            !last ||
            beacon.time < group.video.first ||
            (watched.mode === 'cumulative' && value < last.value)
          )
            continue;
          const reported = watched.mode === 'cumulative' ? value - last.value : value;
          const real = group.video.watchedBetween(last.beacon.time, beacon.time);
          if (Math.abs(reported - real) <= tol) continue;
          const what = watched.mode === 'cumulative' ? `${watched.label} grew by` : `${watched.label} =`;
          out.push(
            withSession(
              {
                message: `${named(beacon)} at ${at(context, beacon.time)}: ${what} ${secs(reported)} since ${named(last.beacon)} at ${at(context, last.beacon.time)}, but the video played ${secs(real)} in between (tolerance ${secs(tol)}).`,
                beacons: [last.beacon.index, beacon.index],
              },
              group,
              beacon,
            ),
          );
        }
      }
    }
    return out;
  },
};
