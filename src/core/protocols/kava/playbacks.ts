import { isNumber } from '../../params/formats.js';
import type { PlaybackSplit } from '../protocol.js';
import { EVENT } from './events.js';

/**
 * Change media in Kaltura's player (setMedia / loadMedia of another entry). From 3.17.21 on (3.17.95 in
 * node_modules; docs/real-player.md) the first change keeps the session id: `SessionIdGenerator.next()` hands back its current id and only then makes
 * the next one (`<same first guid>:<new guid>`), which the second change gets. KAVA resets on the change
 * (eventIndex 1) and sends a Player Impression for the new entry. So a new playback starts at an
 * Impression of another entry, under the same id or, for later changes, an id with the same first guid.
 */
export const kavaPlaybacks: PlaybackSplit = {
  startsPlayback: (beacon, current) => isImpressionOfAnotherEntry(beacon.values, current.playback.entryId),
  playerOf(sessionId) {
    const colon = sessionId.indexOf(':');
    return colon > 0 ? sessionId.slice(0, colon) : undefined;
  },
  // Another player on the page shares the generator (and so the first guid): a change of media is told
  // apart by the Impression carrying the previous entry's playhead (see kava/position-not-zero).
  continues: (beacon, latest) =>
    isImpressionOfAnotherEntry(beacon.values, latest.playback.entryId) &&
    isNumber(beacon.values.position ?? '') &&
    Number(beacon.values.position) > 0,
};

function isImpressionOfAnotherEntry(values: Readonly<Record<string, string>>, entryId: string | undefined) {
  const entry = values.entryId;
  return (
    values.eventType === EVENT.impression &&
    entry !== undefined &&
    entry !== '' &&
    entryId !== undefined &&
    entry !== entryId
  );
}
