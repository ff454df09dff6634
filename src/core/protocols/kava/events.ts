/** KAVA event codes the playback tracker and the rules reason about. */
export const EVENT = {
  impression: '1',
  playRequested: '2',
  play: '3',
  resume: '4',
  reached100: '14',
  pause: '33',
  replay: '34',
  seek: '35',
  view: '99',
  bufferStart: '45',
  bufferEnd: '46',
} as const;

/** Play reached 25/50/75/100%, in order. */
export const QUARTILES: readonly string[] = ['11', '12', '13', '14'];

/**
 * Events that only happen while content plays: they end a pause whose Resume was not captured. Not the
 * quartiles: a seek while paused sends those it skipped on the seek's timeupdate, still paused.
 */
export const PLAYING_EVENTS: ReadonlySet<string> = new Set(['3', '4', '34', '99']);

/**
 * Live and DVR playbacks have no content start: the position is the player's time in the stream (which
 * need not be 0 at the start, nor positive in a DVR window).
 */
export function isLive(values: Readonly<Record<string, string>>): boolean {
  return values.playbackType === 'live' || values.playbackType === 'dvr';
}
