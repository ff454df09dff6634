import type { EventCategory } from '../../../core/timeline/event-category.js';
import type { TimelineGeometry } from '../../../core/timeline/timeline.js';

const BAND_LABEL = { pause: 'paused', seek: 'seek jump', buffering: 'buffering' } as const;

/** What the marker colours and shadings of one timeline mean (only what it shows). */
export function TimelineLegend({ geometry }: { geometry: TimelineGeometry }) {
  const categories = [...new Set(geometry.markers.map((m) => m.category))] as EventCategory[];
  const bands = [...new Set(geometry.bands.map((b) => b.kind))];
  const severities = [...new Set(geometry.markers.flatMap((m) => (m.severity ? [m.severity] : [])))];
  return (
    <div class="legend pi-tl">
      {categories.map((c) => (
        <span key={c}>
          <svg width="10" height="10" aria-hidden="true">
            <circle class={`ev-${c}`} cx="5" cy="5" r="4" />
          </svg>
          {c}
        </span>
      ))}
      {bands.map((b) => (
        <span key={b}>
          <svg width="14" height="10" aria-hidden="true">
            <rect class={`band-${b}`} x="0" y="0" width="14" height="10" />
          </svg>
          {BAND_LABEL[b]}
        </span>
      ))}
      {severities.map((s) => (
        <span key={s}>
          <svg width="14" height="14" aria-hidden="true">
            <circle class={`finding-${s}`} cx="7" cy="7" r="5" />
          </svg>
          {s} finding
        </span>
      ))}
    </div>
  );
}
