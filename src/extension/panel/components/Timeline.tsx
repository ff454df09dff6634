import { useMemo, useState } from 'preact/hooks';
import type { Finding } from '../../../core/rules/rule.js';
import type { Session } from '../../../core/session/session.js';
import { clock, offset } from '../../../core/timeline/ticks.js';
import { type EventMarker, timelineGeometry } from '../../../core/timeline/timeline.js';
import { TimelineLegend } from './TimelineLegend.js';

interface Props {
  session: Session;
  /** The video's real playhead (an imported audit capture), drawn beside the reported one. */
  truth?: readonly (readonly { time: number; position: number }[])[] | undefined;
  findings: readonly Finding[];
  selected: number | undefined;
  onSelect(index: number): void;
}

const r = (v: number) => Math.round(v * 10) / 10;

/**
 * A session's timeline from the core's geometry (the HTML report draws the same): x = wall-clock time,
 * y = playhead; pauses, seeks and buffering shaded; findings ringed red or amber. Hovering a marker
 * describes its beacon; clicking selects it in the list.
 */
export function Timeline({ session, truth, findings, selected, onSelect }: Props) {
  const g = useMemo(
    () => timelineGeometry(session, findings, { width: 900, height: 220, ...(truth ? { truth } : {}) }),
    [session, findings, truth],
  );
  const [hover, setHover] = useState<EventMarker | undefined>();
  const { plot } = g;
  const bottom = plot.y + plot.height;
  return (
    <div class="timeline-box">
      <svg
        class="pi-tl timeline"
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-label={`Timeline of session ${session.id || '(none)'}`}
      >
        {g.bands.map((b, i) => (
          <rect
            key={`band-${i}`}
            class={`band-${b.kind}`}
            x={r(b.x0)}
            y={plot.y}
            width={r(Math.max(b.kind === 'seek' ? 2 : 1, b.x1 - b.x0))}
            height={plot.height}
          >
            <title>{b.kind === 'seek' ? `seek ${pos(b.from)} → ${pos(b.to)}` : b.kind}</title>
          </rect>
        ))}
        <g class="axis">
          {g.xTicks.map((t) => (
            <g key={`x-${t.value}`}>
              <line x1={r(t.at)} y1={bottom} x2={r(t.at)} y2={bottom + 4} />
              <text x={r(t.at)} y={bottom + 15} text-anchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          {g.yTicks.map((t) => (
            <g key={`y-${t.value}`}>
              <line
                x1={plot.x - 4}
                y1={r(t.at)}
                x2={plot.x + plot.width}
                y2={r(t.at)}
                stroke-dasharray="2 3"
              />
              <text x={plot.x - 6} y={r(t.at + 3)} text-anchor="end">
                {t.label}
              </text>
            </g>
          ))}
        </g>
        <rect class="frame" x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
        {g.playbackStart && (
          <g class="playback-start">
            <line x1={r(g.playbackStart.x)} y1={plot.y} x2={r(g.playbackStart.x)} y2={bottom} />
            <text x={r(g.playbackStart.x + 4)} y={plot.y + 10}>
              {g.playbackStart.label}
            </text>
          </g>
        )}
        {g.truthPlayhead.map((line, i) => (
          <polyline
            key={`truth-${i}`}
            class="truth-playhead"
            points={line.map((p) => `${r(p.x)},${r(p.y)}`).join(' ')}
          >
            <title>real playhead (ground truth)</title>
          </polyline>
        ))}
        {g.playhead.map((line, i) => (
          <polyline
            key={`line-${i}`}
            class="playhead"
            points={line.map((p) => `${r(p.x)},${r(p.y)}`).join(' ')}
          />
        ))}
        {g.markers.map((m) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: markers are also reachable from the keyboard-driven beacon list
          <g
            key={`m-${m.beacon}`}
            class={`marker${m.beacon === selected ? ' marker-selected' : ''}`}
            data-beacon={m.beacon}
            onMouseEnter={() => setHover(m)}
            onMouseLeave={() => setHover(undefined)}
            onClick={() => onSelect(m.beacon)}
          >
            {m.severity && <circle class={`finding-${m.severity}`} cx={r(m.x)} cy={r(m.y)} r={7} />}
            {m.beacon === selected && <circle class="selected-ring" cx={r(m.x)} cy={r(m.y)} r={9} />}
            <circle class={`ev-${m.category}`} cx={r(m.x)} cy={r(m.y)} r={4}>
              <title>{describe(m, g.start)}</title>
            </circle>
          </g>
        ))}
      </svg>
      <TimelineLegend geometry={g} />
      <div class="timeline-hover" aria-live="polite">
        {hover ? describe(hover, g.start) : 'Hover a marker to see its beacon; click to select it.'}
      </div>
      {g.sessionFindings.length > 0 && (
        <ul class="session-findings">
          {g.sessionFindings.map((f, i) => (
            <li key={`${f.rule}-${i}`} class={`sev-${f.severity}`}>
              <code>{f.rule}</code> {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function pos(seconds: number | undefined): string {
  return seconds === undefined ? '?' : clock(seconds);
}

function describe(m: EventMarker, start: number): string {
  const parts = [`#${m.beacon + 1} ${m.name}`, `+${offset(m.time - start)}`];
  if (m.position !== undefined) parts.push(`playhead ${clock(m.position)}`);
  if (m.rules.length) parts.push(m.rules.join(', '));
  return parts.join(' · ');
}
