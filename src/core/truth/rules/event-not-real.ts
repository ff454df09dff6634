import { at, named, type TruthFindingDraft, type TruthRule, withSession } from '../context.js';
import { matchesCode } from '../mapping.js';
import { KIND_VERBS } from './event-not-reported.js';

export const eventNotReal: TruthRule = {
  id: 'truth/event-not-real',
  severity: 'error',
  title: 'Reported event did not happen',
  explanation:
    'A beacon reports a play, resume, pause, seek, end or source change that the video did not make within ' +
    'truth.eventToleranceSeconds (default 3 s), e.g. a Pause the viewer never made: a listener on the ' +
    'wrong player, a state machine out of step, or a beacon built from a stale event. Analytics then ' +
    'count viewing that never happened.',
  judge(context) {
    const out: TruthFindingDraft[] = [];
    const tol = context.tolerance.eventToleranceSeconds * 1000;
    for (const group of context.groups) {
      for (const beacon of group.beacons) {
        const rows = group.mapping.events.filter(
          (row) => row.reverse !== false && row.codes.some((c) => matchesCode(beacon, c)),
        );
        if (!rows.length) continue;
        const kinds = new Set(rows.map((r) => r.kind));
        // Its cause may have come before the recording began (a video already there when it started).
        if (!group.video.seenFromLoad && beacon.time - tol < context.start) continue;
        const real = group.video.events.some(
          (e) => kinds.has(e.kind) && beacon.time >= e.time - tol && beacon.time <= (e.end ?? e.time) + tol,
        );
        if (real) continue;
        const did = [...kinds].map((k) => KIND_VERBS[k]).join(' or ');
        const draft: TruthFindingDraft = {
          message: `${named(beacon)} at ${at(context, beacon.time)}, but ${group.video.label} had not ${did} within ${context.tolerance.eventToleranceSeconds} s.`,
          beacons: [beacon.index],
        };
        out.push(withSession(draft, group, beacon));
      }
    }
    return out;
  },
};
