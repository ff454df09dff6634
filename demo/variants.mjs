// @ts-check
/**
 * The demo site's broken variants: each page switches on `?bug=<name>` and must make Player Inspector
 * report exactly `expectedRules` (rule ids from the rule catalogue) and no other error-level rule.
 * `expectedDiff`, when given, lists what `player-inspector diff` against the clean page must name: a
 * parameter key, or an event name for an event that went missing.
 * @typedef {{ page: 'kaltura' | 'stats' | 'jw', bug: string, description: string, expectedRules: string[],
 *   expectedDiff?: string[] }} Variant
 */

/** @type {Variant[]} */
export const variants = [
  {
    page: 'kaltura',
    bug: 'no-partner-id',
    description:
      "The integration's tamperAnalyticsHandler copies the partner id from its own settings object under a " +
      'misspelt key, so every KAVA beacon goes out with an empty partnerId.',
    expectedRules: ['kava/missing-required'],
  },
  {
    page: 'kaltura',
    bug: 'lost-beacons',
    description:
      'A request wrapper on the page (a privacy shim) silently drops every second View beacon: KAVA has ' +
      'already counted them, so eventIndex has gaps.',
    expectedRules: ['kava/event-index-sequence'],
  },
  {
    page: 'kaltura',
    bug: 'view-30s',
    description: 'The KAVA plugin is configured with viewEventCountdown: 30, so View (99) comes every 30 s.',
    expectedRules: ['kava/view-interval'],
  },
  {
    page: 'kaltura',
    bug: 'no-session',
    description: 'setMedia is called without a session object: every beacon carries an empty sessionId.',
    expectedRules: ['kava/missing-required'],
    expectedDiff: ['sessionId'],
  },
  {
    page: 'kaltura',
    bug: 'no-play-requested',
    description:
      "The integration's tamperAnalyticsHandler cancels Play Requested (2), taken for a duplicate of Play: " +
      'KAVA drops it before counting it, so eventIndex has no gap, but Play comes without Play Requested.',
    expectedRules: ['kava/order'],
    expectedDiff: ['Play Requested'],
  },
  {
    page: 'kaltura',
    bug: 'other-partner',
    description:
      'The build was configured with another account: every beacon reports partner 3050742. A valid id, so ' +
      'no rule can tell; a diff against the golden session (or expect.params in the config) does.',
    expectedRules: [],
    expectedDiff: ['partnerId'],
  },
  {
    page: 'kaltura',
    bug: 'position-on-play',
    description:
      'The page resumes where the viewer left off (playback.startTime 10): the player reports that position ' +
      'on Play Requested and Play instead of 0. (Under 25 % on purpose: from a later start the real player ' +
      'also sends Seek and Play reached 25% before Play, which kava/order reports.)',
    expectedRules: ['kava/position-not-zero'],
  },
  {
    page: 'stats',
    bug: 'quartile-order',
    description: "The emitter's percent-to-event table swaps 50 % and 75 %: it sends event 6 before event 5.",
    expectedRules: ['stats/order'],
  },
  {
    page: 'stats',
    bug: 'seek-no-target',
    description:
      'The integration strips the playhead from its Seek beacons: a Seek (17) with neither event:currentPoint ' +
      'nor event:newPoint cannot be placed.',
    expectedRules: ['stats/seek-fields'],
  },
  {
    page: 'jw',
    bug: 'no-aid',
    description:
      'The analytics id is read from a config key the app never sets; the serializer skips the null, ' +
      'so every ping lacks aid.',
    expectedRules: ['jw/missing-required'],
  },
];
