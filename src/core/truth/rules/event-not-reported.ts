import { at, secs, sessionAt, type TruthFindingDraft, type TruthRule } from '../context.js';
import { matchesCode } from '../mapping.js';
import type { RealEventKind } from '../playback.js';

/** What the video did, for messages: "The video paused at 12.0 s". */
export const KIND_VERBS: Record<RealEventKind, string> = {
  start: 'started playing',
  resume: 'resumed',
  pause: 'paused',
  seek: 'seeked',
  ended: 'ended',
  source: 'changed its source',
};

export const eventNotReported: TruthRule = {
  id: 'truth/event-not-reported',
  severity: 'error',
  title: 'Real event not reported',
  explanation:
    'The video really started, resumed, paused, seeked, ended or changed source, and the protocol has a ' +
    'beacon for that, but none came within truth.eventToleranceSeconds (default 3 s). Each protocol says ' +
    'which events it reports (no pause event in legacy stats, for instance); the browser’s own pause at the ' +
    'end and the seek back to 0 of a replay are not required.',
  judge(context) {
    const out: TruthFindingDraft[] = [];
    const tol = context.tolerance.eventToleranceSeconds * 1000;
    for (const group of context.groups) {
      for (const row of group.mapping.events) {
        for (const real of group.video.events) {
          if (real.kind !== row.kind || real.optional) continue;
          // Too close to either end of the recording to know whether its beacon was sent.
          if (real.time - tol < context.start || (real.end ?? real.time) > context.judgedUntil) continue;
          const from = real.time - tol;
          const to = (real.end ?? real.time) + tol;
          const reported = group.beacons.some(
            (b) => b.time >= from && b.time <= to && row.codes.some((c) => matchesCode(b, c)),
          );
          if (reported) continue;
          const draft: TruthFindingDraft = {
            message:
              `${group.video.label} ${KIND_VERBS[real.kind]}${real.kind === 'seek' ? ` to ${secs(real.position)}` : ''} ` +
              `at ${at(context, real.time)} but no ${group.protocol.label} beacon reported it within ` +
              `${context.tolerance.eventToleranceSeconds} s.`,
            beacons: [],
          };
          const session = sessionAt(group, real.time);
          if (session) draft.session = session;
          out.push(draft);
        }
      }
    }
    return out;
  },
};
