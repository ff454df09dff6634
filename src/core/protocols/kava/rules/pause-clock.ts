import type { Beacon } from '../../../beacon.js';
import { EVENT, PLAYING_EVENTS } from '../events.js';

/**
 * Follows pauses in a KAVA session, so rules can tell the player's session reset (eventIndex back to 1
 * after a long pause, same sessionId) from a broken sequence. Each rule that needs it keeps its own.
 */
export interface PauseClock {
  /** Time of the Pause (33) that started the current pause; undefined while playing. */
  pausedAt: number | undefined;
  started: boolean;
}

export function createPauseClock(): PauseClock {
  return { pausedAt: undefined, started: false };
}

/**
 * Call once per beacon, before judging it. Returns how long the session had been paused when this
 * beacon is the player's session reset: eventIndex 1 after a pause of at least `resetSeconds`. The
 * player resets on a timer while paused, so whichever event comes next (normally Resume) carries it.
 */
export function advancePauseClock(
  clock: PauseClock,
  beacon: Beacon,
  resetSeconds: number,
): number | undefined {
  const type = beacon.values.eventType;
  let resetAfter: number | undefined;
  if (clock.started && clock.pausedAt !== undefined && beacon.values.eventIndex === '1') {
    const paused = beacon.time - clock.pausedAt;
    const resetMs = resetSeconds * 1000;
    if (paused >= resetMs) {
      resetAfter = paused;
      // Still paused (a seek): the player's timer resets again only after another full reset time.
      if (resetMs > 0) clock.pausedAt += Math.floor(paused / resetMs) * resetMs;
    }
  }
  clock.started = true;
  if (type === EVENT.pause) clock.pausedAt ??= beacon.time;
  else if (type !== undefined && PLAYING_EVENTS.has(type)) clock.pausedAt = undefined;
  return resetAfter;
}
