import { escapeXml } from '../report/escape.js';
import type { EventCategory } from './event-category.js';
import { clock, offset } from './ticks.js';
import type { TimelineGeometry } from './timeline.js';

export interface TimelineSvgOptions {
  /** Accessible name of the drawing. */
  title?: string;
  /** Include the `<style>` block (false when the page already has `TIMELINE_CSS`). */
  embedStyle?: boolean;
}

/** Colours by event category; CSS variables let a page restyle them (dark theme). */
const CATEGORY_COLOURS: Record<EventCategory, string> = {
  start: '#6b7280',
  play: '#16a34a',
  pause: '#d97706',
  seek: '#7c3aed',
  progress: '#2563eb',
  buffer: '#92400e',
  end: '#111827',
  ad: '#db2777',
  error: '#dc2626',
  other: '#9ca3af',
};

/** Styles of the timeline SVG; pages that draw several timelines include them once. */
export const TIMELINE_CSS = `
.pi-tl { font: 10px system-ui, sans-serif; color: var(--pi-fg, #1f2937); }
.pi-tl .axis line, .pi-tl .axis path { stroke: var(--pi-grid, #d1d5db); }
.pi-tl .axis text { fill: var(--pi-muted, #6b7280); }
.pi-tl .frame { fill: none; stroke: var(--pi-grid, #d1d5db); }
.pi-tl .playhead { fill: none; stroke: var(--pi-playhead, #2563eb); stroke-width: 2; }
.pi-tl .truth-playhead { fill: none; stroke: var(--pi-truth, #16a34a); stroke-width: 3; stroke-dasharray: 6 3; opacity: 0.8; }
.pi-tl .band-pause { fill: var(--pi-pause, rgba(217, 119, 6, 0.18)); }
.pi-tl .band-buffering { fill: var(--pi-buffering, rgba(146, 64, 14, 0.22)); }
.pi-tl .band-seek { fill: var(--pi-seek, rgba(124, 58, 237, 0.5)); }
.pi-tl .playback-start line { stroke: var(--pi-fg, #1f2937); stroke-dasharray: 4 2; }
.pi-tl .playback-start text { fill: var(--pi-fg, #1f2937); }
.pi-tl .finding-error { fill: none; stroke: var(--pi-error, #dc2626); stroke-width: 2; }
.pi-tl .finding-warning { fill: none; stroke: var(--pi-warning, #f59e0b); stroke-width: 2; }
${Object.entries(CATEGORY_COLOURS)
  .map(([c, colour]) => `.pi-tl .ev-${c} { fill: var(--pi-ev-${c}, ${colour}); }`)
  .join('\n')}
@media (prefers-color-scheme: dark) {
  .pi-tl { color: var(--pi-fg, #e5e7eb); }
  .pi-tl .axis line, .pi-tl .frame { stroke: var(--pi-grid, #4b5563); }
  .pi-tl .axis text { fill: var(--pi-muted, #9ca3af); }
  .pi-tl .playhead { stroke: var(--pi-playhead, #60a5fa); }
  .pi-tl .ev-end { fill: var(--pi-ev-end, #f9fafb); }
}
`;

const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** An SVG string of a timeline, for HTML reports. All text is escaped. */
export function renderTimelineSvg(g: TimelineGeometry, options: TimelineSvgOptions = {}): string {
  const { plot } = g;
  const bottom = plot.y + plot.height;
  const out: string[] = [];
  const title = options.title ?? 'Session timeline';
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="pi-tl" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img" aria-label="${escapeXml(title)}">`,
  );
  if (options.embedStyle !== false) out.push(`<style>${TIMELINE_CSS}</style>`);
  out.push(`<title>${escapeXml(title)}</title>`);
  for (const b of g.bands) {
    const w = Math.max(b.kind === 'seek' ? 2 : 1, b.x1 - b.x0);
    const what = b.kind === 'seek' ? seekLabel(b.from, b.to) : `${b.kind}${b.open ? ' (still open)' : ''}`;
    out.push(
      `<rect class="band-${b.kind}" x="${n(b.x0)}" y="${plot.y}" width="${n(w)}" height="${plot.height}"><title>${escapeXml(what)}</title></rect>`,
    );
  }
  out.push('<g class="axis">');
  for (const t of g.xTicks) {
    out.push(
      `<line x1="${n(t.at)}" y1="${bottom}" x2="${n(t.at)}" y2="${bottom + 4}"/><text x="${n(t.at)}" y="${bottom + 15}" text-anchor="middle">${escapeXml(t.label)}</text>`,
    );
  }
  for (const t of g.yTicks) {
    out.push(
      `<line x1="${plot.x - 4}" y1="${n(t.at)}" x2="${plot.x + plot.width}" y2="${n(t.at)}" stroke-dasharray="2 3"/><text x="${plot.x - 6}" y="${n(t.at + 3)}" text-anchor="end">${escapeXml(t.label)}</text>`,
    );
  }
  out.push('</g>');
  out.push(`<rect class="frame" x="${plot.x}" y="${plot.y}" width="${plot.width}" height="${plot.height}"/>`);
  if (g.playbackStart) {
    const { x, label } = g.playbackStart;
    out.push(
      `<g class="playback-start"><line x1="${n(x)}" y1="${plot.y}" x2="${n(x)}" y2="${bottom}"/><text x="${n(x + 4)}" y="${plot.y + 10}">${escapeXml(label)}</text></g>`,
    );
  }
  for (const line of g.truthPlayhead) {
    const points = line.map((p) => `${n(p.x)},${n(p.y)}`).join(' ');
    out.push(
      `<polyline class="truth-playhead" points="${points}"><title>real playhead (ground truth)</title></polyline>`,
    );
  }
  for (const line of g.playhead) {
    const points = line.map((p) => `${n(p.x)},${n(p.y)}`).join(' ');
    out.push(`<polyline class="playhead" points="${points}"/>`);
  }
  // Rings first, errors over warnings, so a beacon's error is never hidden under a neighbour's warning.
  for (const severity of ['warning', 'error'] as const) {
    for (const m of g.markers.filter((marker) => marker.severity === severity)) {
      out.push(`<circle class="finding-${severity}" cx="${n(m.x)}" cy="${n(m.y)}" r="7"/>`);
    }
  }
  for (const m of g.markers) {
    const parts = [`#${m.beacon} ${m.name}`, offset(m.time - g.start)];
    if (m.position !== undefined) parts.push(`playhead ${clock(m.position)}`);
    if (m.rules.length) parts.push(m.rules.join(', '));
    const tip = `<title>${escapeXml(parts.join(' · '))}</title>`;
    out.push(
      `<circle class="ev-${m.category}" data-beacon="${m.beacon}" cx="${n(m.x)}" cy="${n(m.y)}" r="4">${tip}</circle>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

function seekLabel(from: number | undefined, to: number | undefined): string {
  const f = from === undefined ? '?' : clock(from);
  const t = to === undefined ? '?' : clock(to);
  return `seek ${f} → ${t}`;
}
