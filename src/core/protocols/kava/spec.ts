import type { EventSpec, ParamSpec, ProtocolSpec } from '../protocol.js';

/**
 * KAVA (Kaltura Video Insights trackEvent) tables, from the Event Tracking API document and from what
 * Kaltura's own player (playkit-js-kava) sends. See specs/kava.md.
 */
const params: ParamSpec[] = [
  // Request envelope the real player puts first in every query string.
  {
    key: 'service',
    name: 'Service',
    description: 'Kaltura API service: always `analytics`.',
    format: 'string',
  },
  {
    key: 'action',
    name: 'Action',
    description: 'Kaltura API action: always `trackEvent`.',
    format: 'string',
  },
  {
    key: 'apiVersion',
    name: 'API version',
    description: 'Kaltura API version, e.g. 3.3.0.',
    format: 'string',
  },
  {
    key: 'format',
    name: 'Response format',
    description: 'Kaltura API response format (1 = JSON).',
    format: 'string',
  },
  // The document's parameters.
  { key: 'eventType', name: 'Event type', description: 'Number of the event type.', format: 'integer' },
  {
    key: 'partnerId',
    name: 'Partner ID',
    description: "The partner account ID on Kaltura's platform.",
    format: 'integer',
  },
  {
    key: 'entryId',
    name: 'Entry ID',
    description: 'The delivered content ID, e.g. 0_n5nbuy6i.',
    format: 'entry-id',
  },
  {
    key: 'flavourId',
    name: 'Flavour ID',
    description:
      'ID of the flavour being displayed (required by the document, never sent by Kaltura’s player).',
    format: 'string',
  },
  {
    key: 'ks',
    name: 'Kaltura session',
    description: 'The Kaltura session (KS): a credential, redacted in exports.',
    format: 'string',
    secret: true,
  },
  {
    key: 'sessionId',
    name: 'Session ID',
    description:
      'Unique per viewing session (`<guid>:<guid>` from Kaltura’s player); a page refresh gets a new one.',
    format: 'string',
  },
  {
    key: 'eventIndex',
    name: 'Event index',
    description: 'Sequence number of the event within the session: 1, 2, 3, …',
    format: 'integer',
  },
  {
    key: 'bufferTime',
    name: 'Buffer time',
    description: 'Seconds spent buffering since the last View: 0–10 on View, ≥ 0 on Play and Resume.',
    format: 'number',
  },
  {
    key: 'actualBitrate',
    name: 'Actual bitrate',
    description: 'Bitrate of the displayed flavour, kbps.',
    format: 'number',
  },
  {
    key: 'preferredBitrate',
    name: 'Preferred bitrate',
    description:
      'Bitrate of the preferred flavour, kbps (required by the document, never sent by Kaltura’s player).',
    format: 'number',
  },
  {
    key: 'referrer',
    name: 'Referrer',
    description: 'URL of the page showing the content; often percent-encoded twice.',
    format: 'url',
    doubleEncoded: true,
  },
  {
    key: 'deliveryType',
    name: 'Delivery type',
    description: 'Streamer type.',
    format: 'string',
    values: ['hls', 'http', 'dash', 'smoothStream', 'url'],
  },
  {
    key: 'playbackType',
    name: 'Playback type',
    description: 'Type of the current playback.',
    format: 'string',
    values: ['vod', 'live', 'dvr'],
  },
  {
    key: 'kalsig',
    name: 'Signature',
    description: 'MD5 signature of the query string parameters (not sent by Kaltura’s current player).',
    format: 'string',
  },
  {
    key: 'sessionStartTime',
    name: 'Session start time',
    description:
      'Time of the session’s first event (Unix time). Kaltura’s player sends the server time of the first response, omits it on the first beacon and on Resume, and renews it after pauses.',
    format: 'timestamp-s-or-ms',
  },
  {
    key: 'uiConfId',
    name: 'Player ID (uiConf)',
    description: 'Player ID and configuration.',
    format: 'integer',
  },
  { key: 'clientVer', name: 'Player version', description: 'Version of the player.', format: 'string' },
  { key: 'clientTag', name: 'Client tag', description: 'Client tag, e.g. kdp:v3.9.2.', format: 'string' },
  {
    key: 'position',
    name: 'Position',
    description: 'Playback position in seconds; 0 on Player Impression, Play Requested and Play.',
    format: 'number',
  },
  {
    key: 'playbackContext',
    name: 'Playback context',
    description: 'Category ID of the playback context.',
    format: 'string',
  },
  {
    key: 'customVar1',
    name: 'Custom variable 1',
    description: 'Custom segmentation value.',
    format: 'string',
  },
  {
    key: 'customVar2',
    name: 'Custom variable 2',
    description: 'Custom segmentation value.',
    format: 'string',
  },
  {
    key: 'customVar3',
    name: 'Custom variable 3',
    description: 'Custom segmentation value.',
    format: 'string',
  },
  {
    key: 'socialNetwork',
    name: 'Social network',
    description: 'ID of the social network used to share.',
    format: 'string',
  },
  {
    key: 'reportType',
    name: 'Report type',
    description: 'Type of inappropriate content reported.',
    format: 'string',
  },
  {
    key: 'targetPosition',
    name: 'Target position',
    description: 'Seconds the user asked to seek to.',
    format: 'number',
  },
  { key: 'caption', name: 'Caption', description: 'Selected caption language.', format: 'string' },
  {
    key: 'playbackSpeed',
    name: 'Playback speed',
    description: 'Playback speed (1 = normal).',
    format: 'number',
  },
  // What Kaltura's player sends beyond the document.
  {
    key: 'bufferTimeSum',
    name: 'Buffer time sum',
    description: 'Seconds spent buffering since the session started (restarts at a session reset).',
    format: 'number',
  },
  {
    key: 'playTimeSum',
    name: 'Play time sum',
    description: 'Seconds played since the session started (restarts at a session reset).',
    format: 'number',
  },
  {
    key: 'joinTime',
    name: 'Join time',
    description: 'Seconds from play request to first frame.',
    format: 'number',
  },
  {
    key: 'canPlay',
    name: 'Can play',
    description: 'Seconds from load until the media could play.',
    format: 'number',
  },
  {
    key: 'networkConnectionType',
    name: 'Network connection type',
    description: 'Connection type the browser reports (e.g. 4g, wifi).',
    format: 'string',
  },
  {
    key: 'averageBitrate',
    name: 'Average bitrate',
    description: 'Average bitrate since the last View, kbps.',
    format: 'number',
  },
  {
    key: 'audioLanguage',
    name: 'Audio language',
    description: 'Language of the selected audio track.',
    format: 'string',
  },
  {
    key: 'captionsLanguage',
    name: 'Captions language',
    description: 'Language of the displayed captions.',
    format: 'string',
  },
  {
    key: 'soundMode',
    name: 'Sound mode',
    description: '1 = muted, 2 = sound on.',
    format: 'enum',
    values: ['1', '2'],
  },
  {
    key: 'tabMode',
    name: 'Tab mode',
    description: '1 = tab hidden, 2 = tab visible.',
    format: 'enum',
    values: ['1', '2'],
  },
  {
    key: 'droppedFramesRatio',
    name: 'Dropped frames ratio',
    description:
      'Share of frames dropped since the last View (NaN when no frame was decoded since: KAVA’s 0/0).',
    format: 'number',
    playerValues: ['NaN'],
  },
  {
    key: 'forwardBufferHealth',
    name: 'Forward buffer health',
    description: 'Buffered time ahead of the playhead relative to the target buffer.',
    format: 'number',
  },
  {
    key: 'manifestDownloadTime',
    name: 'Manifest download time',
    description: 'Time to download the manifest, ms.',
    format: 'number',
  },
  {
    key: 'segmentDownloadTime',
    name: 'Segment download time',
    description: 'Average time to download a segment, ms.',
    format: 'number',
  },
  { key: 'bandwidth', name: 'Bandwidth', description: 'Estimated bandwidth.', format: 'number' },
  {
    key: 'targetBuffer',
    name: 'Target buffer',
    description: 'Buffer the player aims to keep, seconds.',
    format: 'number',
  },
  {
    key: 'networkConnectionOverhead',
    name: 'Network connection overhead',
    description: 'Time spent on connection setup (DNS, TCP, TLS) for segments.',
    format: 'number',
  },
  {
    key: 'flavorParamsId',
    name: 'Flavor params ID',
    description: 'Kaltura flavor params ID of the displayed rendition.',
    format: 'integer',
  },
  { key: 'language', name: 'Language', description: 'Language selected (Audio Selected).', format: 'string' },
  { key: 'errorCode', name: 'Error code', description: 'Player error code (Error).', format: 'string' },
  {
    key: 'errorDetails',
    name: 'Error details',
    description: 'Player error details (Error).',
    format: 'string',
  },
  {
    key: 'errorPosition',
    name: 'Error position',
    description: '1 = error before playing, 2 = mid-stream.',
    format: 'enum',
    values: ['1', '2'],
  },
  {
    key: 'userId',
    name: 'User ID',
    description: 'Viewer ID, when the integration sets one.',
    format: 'string',
  },
  {
    key: 'playlistId',
    name: 'Playlist ID',
    description: 'Playlist being played, when there is one.',
    format: 'string',
  },
  {
    key: 'applicationVer',
    name: 'Application version',
    description: 'Version of the hosting application, when configured.',
    format: 'string',
  },
];

/** Every event of the document also needs `flavourId`; Kaltura's player never sends it. */
const DOC_COMMON = ['flavourId'] as const;
/** The document's extra requirements on Play, Resume and View that both it and the player agree on. */
const PLAYING_REQUIRED = ['bufferTime', 'actualBitrate'] as const;
const PLAYING_DOC = ['flavourId', 'preferredBitrate'] as const;

function event(code: number, name: string, description: string, more: Partial<EventSpec> = {}): EventSpec {
  return { code: String(code), name, description, docRequired: DOC_COMMON, ...more };
}

const events: EventSpec[] = [
  event(1, 'Player Impression', 'Player code initialised (widget loaded).'),
  event(2, 'Play Requested', 'Play clicked.'),
  event(3, 'Play', 'Non-ad media starts to play.', {
    required: PLAYING_REQUIRED,
    docRequired: PLAYING_DOC,
    optional: ['bufferTimeSum', 'joinTime', 'canPlay', 'networkConnectionType'],
  }),
  event(4, 'Resume', 'Playback resumed.', {
    required: PLAYING_REQUIRED,
    docRequired: PLAYING_DOC,
    optional: ['bufferTimeSum'],
  }),
  event(11, 'Play reached 25%', 'The view reached 25% of the content.'),
  event(12, 'Play reached 50%', 'The view reached 50% of the content.'),
  event(13, 'Play reached 75%', 'The view reached 75% of the content.'),
  event(14, 'Play reached 100%', 'The view reached the end of the content.'),
  event(21, 'Share Clicked', 'Share button clicked.'),
  event(22, 'Shared', 'Social network share modal activated.', { required: ['socialNetwork'] }),
  event(23, 'Download clicked', 'Download button clicked.'),
  event(24, 'Report clicked', 'Report button clicked.'),
  event(25, 'Report submitted', 'Report actually submitted.', { required: ['reportType'] }),
  event(31, 'Enter fullscreen', 'Fullscreen toggled on.'),
  event(32, 'Exit fullscreen', 'Fullscreen toggled off.'),
  event(33, 'Pause clicked', 'Playback paused.'),
  event(34, 'Replay clicked', 'Replay clicked: starts a new play-through.'),
  event(35, 'Seek', 'Position change requested.', { required: ['targetPosition'] }),
  event(36, 'relatedClicked', 'Related button clicked.'),
  event(37, 'relatedSelected', 'Related content selected.'),
  event(38, 'captions', 'Caption selected.', { required: ['caption'] }),
  event(39, 'sourceSelected', 'Flavour change initiated by the user.'),
  event(40, 'info', 'Info icon clicked.'),
  event(41, 'speed', 'Playback speed changed.', { required: ['playbackSpeed'] }),
  event(99, 'View', 'Sent with Play, then every 10 s of unpaused playing.', {
    required: PLAYING_REQUIRED,
    docRequired: PLAYING_DOC,
    optional: [
      'playTimeSum',
      'bufferTimeSum',
      'averageBitrate',
      'audioLanguage',
      'captionsLanguage',
      'soundMode',
      'tabMode',
      'playbackSpeed',
      'droppedFramesRatio',
      'networkConnectionType',
      'forwardBufferHealth',
      'manifestDownloadTime',
      'segmentDownloadTime',
      'bandwidth',
      'targetBuffer',
      'networkConnectionOverhead',
      'flavorParamsId',
    ],
  }),
  // Sent by Kaltura's player, not in the document: their parameters are optional for the rules.
  {
    code: '42',
    name: 'Audio Selected',
    description: 'Audio track selected (Kaltura player).',
    optional: ['language'],
  },
  {
    code: '43',
    name: 'Flavor Switch',
    description: 'Rendition switched (Kaltura player).',
    optional: ['actualBitrate'],
  },
  { code: '45', name: 'Buffer Start', description: 'Buffering started (Kaltura player).' },
  { code: '46', name: 'Buffer End', description: 'Buffering ended (Kaltura player).' },
  {
    code: '98',
    name: 'Error',
    description: 'Player error (Kaltura player).',
    optional: ['errorCode', 'errorDetails', 'errorPosition'],
  },
];

export const kavaSpec: ProtocolSpec = {
  params,
  events,
  commonRequired: ['eventType', 'partnerId', 'entryId', 'sessionId', 'eventIndex'],
};
