import { at, named, sessionAt, type TruthFindingDraft, type TruthRule, withSession } from '../context.js';
import { matchesCode } from '../mapping.js';

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

export const quartileMismatch: TruthRule = {
  id: 'truth/quartile-mismatch',
  severity: 'error',
  title: 'Quartile or completion differs from the video',
  explanation:
    'A quartile / completion beacon (KAVA and stats Play reached 25–100%, JW gab with pw=128) must come ' +
    'once the playhead has reached that point (truth.quartileToleranceSeconds early is allowed: real ' +
    'players send 100% a little before the end), and a quartile the video played through must be ' +
    'reported in that play-through. Otherwise completion rates are wrong.',
  judge(context) {
    const out: TruthFindingDraft[] = [];
    const early = context.tolerance.quartileToleranceSeconds;
    const tol = context.tolerance.eventToleranceSeconds * 1000;
    for (const group of context.groups) {
      const rows = group.mapping.quartiles;
      const duration = group.video.duration;
      if (!rows || duration === undefined) continue;
      for (const beacon of group.beacons) {
        const row = rows.find((r) => matchesCode(beacon, r.match));
        if (!row || beacon.time < group.video.first) continue;
        const reached = group.video.maxPositionUntil(beacon.time + 250);
        if (reached >= row.fraction * duration - early) continue;
        out.push(
          withSession(
            {
              message: `${named(beacon)} at ${at(context, beacon.time)} reports ${percent(row.fraction)}, but the video had only reached ${reached.toFixed(1)} of ${duration.toFixed(1)} s.`,
              beacons: [beacon.index],
            },
            group,
            beacon,
          ),
        );
      }
      const starts = group.video.events.filter((e) => e.kind === 'start');
      for (const crossing of group.video.crossings) {
        const row = rows.find((r) => r.fraction === crossing.fraction);
        if (!row || crossing.time < context.start || crossing.time > context.judgedUntil) continue;
        const since = starts.filter((s) => s.time <= crossing.time).at(-1)?.time ?? context.start;
        const reported = group.beacons.some(
          (b) => b.time >= since && b.time <= crossing.time + tol && matchesCode(b, row.match),
        );
        if (reported) continue;
        const draft: TruthFindingDraft = {
          message: `${group.video.label} played through ${percent(crossing.fraction)} at ${at(context, crossing.time)} but no ${group.protocol.label} beacon reported it.`,
          beacons: [],
        };
        const session = sessionAt(group, crossing.time);
        out.push(session ? { ...draft, session } : draft);
      }
    }
    return out;
  },
};
