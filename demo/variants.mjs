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
  // Ground truth: beacons that disagree with what the <video> really did (the audit records it).
  {
    page: 'kaltura',
    bug: 'kava-disabled',
    description:
      'The KAVA plugin is configured with disable: true (a staging config shipped to production): the ' +
      'video plays to the end and not one analytics beacon is sent.',
    expectedRules: ['truth/no-beacons'],
  },
  {
    page: 'kaltura',
    bug: 'no-pause-beacon',
    description:
      "The integration's tamperAnalyticsHandler filters out every Pause (33) as noise (so the Resume also " +
      'comes without its Pause).',
    expectedRules: ['truth/event-not-reported', 'kava/order'],
  },
  {
    page: 'kaltura',
    bug: 'phantom-pause',
    description:
      'The tamperAnalyticsHandler rewrites the first View (sent with Play) into a Pause: a Pause the viewer ' +
      'never made.',
    expectedRules: ['truth/event-not-real'],
  },
  {
    page: 'kaltura',
    bug: 'stale-position',
    description: 'The tamperAnalyticsHandler sets the View position from a clock 5 s ahead of the video.',
    expectedRules: ['truth/playhead-mismatch'],
  },
  {
    page: 'kaltura',
    bug: 'play-time-doubled',
    description: 'Two timers add to playTimeSum: every View reports twice the time really watched.',
    expectedRules: ['truth/watched-time'],
  },
  {
    page: 'kaltura',
    bug: 'quartile-early',
    description: 'The tamperAnalyticsHandler rewrites the first View (sent with Play) into Play reached 25%.',
    expectedRules: ['truth/quartile-mismatch'],
  },
  {
    page: 'stats',
    bug: 'no-seek-event',
    description: 'The emitter forgets to send Seek (17) when the viewer seeks.',
    expectedRules: ['truth/event-not-reported'],
  },
  {
    page: 'stats',
    bug: 'phantom-seek',
    description:
      'The start-position logic sends a Seek (17) to 0 with the first Play: a seek that never happened.',
    expectedRules: ['truth/event-not-real'],
  },
  {
    page: 'stats',
    bug: 'stale-point',
    description: 'event:currentPoint is read from a playhead copy that lags 5 s behind the video.',
    expectedRules: ['truth/playhead-mismatch'],
  },
  {
    page: 'stats',
    bug: 'no-complete',
    description: 'The end handler never sends Play reached 100% (7) although the video played to its end.',
    expectedRules: ['truth/quartile-mismatch'],
  },
  {
    page: 'jw',
    bug: 'no-seek-ping',
    description:
      'The seek handler returns before sending its Seeked (vs) ping (and before moving the quantile count ' +
      'to the new playhead, so the next time ping is off its quantile).',
    expectedRules: ['truth/event-not-reported', 'jw/quantile-mismatch'],
  },
  {
    page: 'jw',
    bug: 'phantom-seek',
    description:
      'The start-position logic sends a Seeked (vs) ping just after Play: a seek that never happened.',
    expectedRules: ['truth/event-not-real'],
  },
  {
    page: 'jw',
    bug: 'pw-late',
    description: 'pw is computed from a playhead copy 5 s behind the video.',
    expectedRules: ['truth/playhead-mismatch'],
  },
  {
    page: 'jw',
    bug: 'ti-counts-seek',
    description:
      'The watched-time counter adds every forward move of the playhead, so a seek counts as watched.',
    expectedRules: ['truth/watched-time'],
  },
  {
    page: 'jw',
    bug: 'early-complete',
    description:
      'The complete ping (gab, pw=128) is sent at 90 % of the video (the credits), not at its end.',
    expectedRules: ['truth/quartile-mismatch', 'truth/playhead-mismatch'],
  },
];
