/** What kind of moment an event marks, so every protocol's events get the same shapes and colours. */
export type EventCategory =
  | 'start'
  | 'play'
  | 'pause'
  | 'seek'
  | 'progress'
  | 'buffer'
  | 'end'
  | 'ad'
  | 'error'
  | 'other';

// Ordered: the first match wins ("Buffer Start" is buffering, not a start; "Preroll 25" is an ad).
const PATTERNS: [RegExp, EventCategory][] = [
  [/error/i, 'error'],
  [/\bad\b|roll|bumper|overlay/i, 'ad'],
  [/buffer/i, 'buffer'],
  [/seek/i, 'seek'],
  [/pause/i, 'pause'],
  [/abandon|complete|close|ended/i, 'end'],
  [/reached|quantile|quartile|^view$|^time/i, 'progress'],
  [/impression|setup|loaded|requested/i, 'start'],
  [/play|resume/i, 'play'],
];

/** The category of an event, from its spec-table name. */
export function eventCategory(name: string): EventCategory {
  return PATTERNS.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}
