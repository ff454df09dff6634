import { useMemo } from 'preact/hooks';
import { sessionKeyOf } from '../../../core/rules/finding-groups.js';
import type { Finding } from '../../../core/rules/rule.js';
import { playbackLabels } from '../../../core/session/playbacks.js';
import type { Session } from '../../../core/session/session.js';
import { TIMELINE_CSS } from '../../../core/timeline/svg.js';
import { PROTOCOL_SHORT } from '../format.js';
import { Timeline } from './Timeline.js';

interface Props {
  sessions: readonly Session[];
  /** The real playhead of the video a session reports (imported audit captures only). */
  truthFor?(session: Session): readonly (readonly { time: number; position: number }[])[] | undefined;
  findings: readonly Finding[];
  labelOf(session: Session): string;
  selected: number | undefined;
  onSelect(index: number): void;
  /** Pins the session as the golden baseline of the Diff tab. */
  onPin?(session: Session): void;
}

/** One block per playback session: identity, counts and its timeline. */
export function SessionsView({ sessions, truthFor, findings, labelOf, selected, onSelect, onPin }: Props) {
  const truths = useMemo(() => new Map(sessions.map((s) => [s.key, truthFor?.(s)])), [sessions, truthFor]);
  if (sessions.length === 0) return <p class="empty">No sessions yet.</p>;
  const playbacks = playbackLabels(sessions);
  const anyTruth = [...truths.values()].some(Boolean);
  return (
    <div class="sessions">
      <p class="muted truth-note">
        {anyTruth
          ? 'Dashed green: the real playhead of the video, recorded by the audit (ground truth).'
          : 'Ground truth (what the video really did) is recorded by audits and attachInspector, not by the extension: import an audit’s capture.har to see it here.'}
      </p>
      <style>{TIMELINE_CSS}</style>
      {sessions.map((session) => {
        const own = findings.filter((f) => sessionKeyOf(f) === session.key);
        const playback = playbacks.get(session.key);
        const errors = own.filter((f) => f.severity === 'error').length;
        const warnings = own.filter((f) => f.severity === 'warning').length;
        const pb = session.playback;
        return (
          <section key={session.key} class="session" aria-label={`Session ${labelOf(session)}`}>
            <h3>
              {labelOf(session)} · {PROTOCOL_SHORT[session.protocol]}{' '}
              <span class="mono muted">{session.id || '(no session id)'}</span>
              {playback && <span class="muted"> · {playback}</span>}
              {onPin && ' '}
              {onPin && (
                <button type="button" class="small" onClick={() => onPin(session)}>
                  Pin as baseline
                </button>
              )}
            </h3>
            <p class="muted">
              <span data-testid="session-beacons">{session.beacons.length}</span> beacons
              {pb.entryId && ` · entry ${pb.entryId}`}
              {pb.partnerId && ` · partner ${pb.partnerId}`}
              {pb.duration !== undefined && ` · ${pb.duration} s`} · {errors} errors · {warnings} warnings
            </p>
            <Timeline
              session={session}
              truth={truths.get(session.key)}
              findings={own}
              selected={selected}
              onSelect={onSelect}
            />
          </section>
        );
      })}
    </div>
  );
}
