/** Steps a time or position axis may use, in seconds: always a round number to read. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** The smallest round step that gives at most `maxTicks` ticks over `span` seconds. */
export function niceStep(span: number, maxTicks: number): number {
  const wanted = span / Math.max(1, maxTicks);
  return STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / 86400) * 86400;
}

/** Tick values from 0 to `span` inclusive of 0, by a nice step. */
export function tickValues(span: number, maxTicks: number): number[] {
  if (!Number.isFinite(span) || span <= 0) return [0];
  const step = niceStep(span, maxTicks);
  const out: number[] = [];
  for (let v = 0; v <= span + 1e-9; v += step) out.push(v);
  return out;
}

/** Seconds as `m:ss` (or `h:mm:ss`), as players show positions. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** An offset from the session start: `+12.3s` below a minute, else `+m:ss`. */
export function offset(ms: number): string {
  const s = ms / 1000;
  return s < 60 ? `+${s.toFixed(1)}s` : `+${clock(s)}`;
}
