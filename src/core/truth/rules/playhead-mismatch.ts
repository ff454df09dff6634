import { at, named, secs, type TruthFindingDraft, type TruthRule, withSession } from '../context.js';

/** A beacon's value may have been read a little before it was sent (same event, later request). */
const READ_BEFORE_MS = 1000;
const READ_AFTER_MS = 250;

export const playheadMismatch: TruthRule = {
  id: 'truth/playhead-mismatch',
  severity: 'error',
  title: 'Reported playhead differs from the video',
  explanation:
    'The playhead a beacon reports (KAVA position, JW pw × vd / 128, stats event:currentPoint) is compared ' +
    'with the video’s real currentTime around the time the beacon was sent; beyond ' +
    'truth.playheadToleranceSeconds (default 1.5 s, plus JW’s 1/128 of the duration) the beacon reports a ' +
    'stale or wrong position (a timer read, the wrong player, milliseconds sent as seconds).',
  judge(context) {
    const out: TruthFindingDraft[] = [];
    for (const group of context.groups) {
      const playhead = group.mapping.playhead;
      if (!playhead) continue;
      for (const beacon of group.beacons) {
        const reported = playhead.read(beacon);
        if (reported === undefined || beacon.time < group.video.first) continue;
        const range = group.video.positionRange(beacon.time - READ_BEFORE_MS, beacon.time + READ_AFTER_MS);
        if (!range) continue;
        const tol = context.tolerance.playheadToleranceSeconds + (playhead.resolution?.(beacon) ?? 0);
        const [low, high] = range;
        if (reported >= low - tol && reported <= high + tol) continue;
        const real = low === high ? secs(low) : `${secs(low)}–${secs(high)}`;
        out.push(
          withSession(
            {
              message: `${named(beacon)} at ${at(context, beacon.time)} reports ${playhead.label} ${secs(reported)} but the video was at ${real} (tolerance ${secs(tol)}).`,
              beacons: [beacon.index],
            },
            group,
            beacon,
          ),
        );
      }
    }
    return out;
  },
};
