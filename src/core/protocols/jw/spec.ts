import type { EventSpec, ParamSpec, ProtocolSpec } from '../protocol.js';

/** Required, non-empty, on every ping. */
export const COMMON_REQUIRED = [
  'e',
  'sa',
  'aid',
  'pss',
  'oos',
  'sdk',
  'bun',
  'id',
  't',
  'emi',
  'pli',
] as const;
/** Required by the document on every ping, but absent in real traffic (jw/missing-doc-field). */
export const DOC_REQUIRED = ['av', 'oaid', 'fed'] as const;
/** Required on the content pings that carry playback state. */
const PLAYBACK_REQUIRED = ['vd', 'q', 'pw'] as const;

export const OOS_VALUES = [
  'Web',
  'tvOS',
  'Tizen',
  'SmartCast',
  'RokuOS',
  'iPadOS',
  'iOS',
  'Fire TV',
  'Fire Mobile',
  'Apple TVOS',
  'Android TV',
  'Android Mobile',
  'Android',
] as const;

export const SDK_VALUES = ['0', '1', '2', '3', '4', '5', '6'] as const;

const params: ParamSpec[] = [
  {
    key: 'e',
    compare: 'value',
    name: 'Event',
    description: 'Which ping: e i s t vs gab.',
    format: 'enum',
    values: ['e', 'i', 's', 't', 'vs', 'gab'],
  },
  {
    key: 'sa',
    compare: 'shape',
    name: 'Timestamp',
    description: 'Send time, Unix milliseconds; never decreases.',
    format: 'timestamp-ms',
  },
  {
    key: 'aid',
    compare: 'value',
    name: 'Analytics ID',
    description: 'The property’s analytics token: 22 × [a-zA-Z0-9+_].',
    format: 'string',
  },
  {
    key: 'pss',
    compare: 'value',
    name: 'Play session sequence',
    description: 'Integer 1–99999, +1 per item in an embed (the web app always sends 1).',
    format: 'integer',
  },
  {
    key: 'oos',
    compare: 'value',
    name: 'Device OS',
    description: 'Operating system family.',
    format: 'enum',
    values: OOS_VALUES,
  },
  {
    key: 'oosv',
    name: 'OS version',
    description: 'Operating system version.',
    format: 'string',
    compare: 'shape',
  },
  {
    key: 'sdk',
    compare: 'value',
    name: 'Platform',
    description: '0 web, 1 Android, 2 iOS, 3 Roku, 4 tvOS, 5 Chromecast receiver, 6 FireOS.',
    format: 'enum',
    values: SDK_VALUES,
  },
  {
    key: 'bun',
    compare: 'value',
    name: 'App bundle ID',
    description: 'Reverse-domain app id (web: the page’s hostname).',
    format: 'string',
  },
  {
    key: 'fed',
    compare: 'value',
    name: 'Feed ID',
    description: 'Feed the item was opened from, 8 × [0-9a-zA-Z]; empty when opened outside a feed.',
    format: 'string',
  },
  {
    key: 'id',
    name: 'Media ID',
    description: 'The media item, 8 × [0-9a-zA-Z].',
    format: 'string',
    compare: 'value',
  },
  {
    key: 't',
    compare: 'value',
    name: 'Media title',
    description: 'Title of the media item (not the `e=t` event).',
    format: 'string',
  },
  {
    key: 'oiid',
    compare: 'value',
    name: 'App install / config ID',
    description: 'App install or config id.',
    format: 'string',
  },
  {
    key: 'av',
    name: 'App version',
    description: 'The app build’s version.',
    format: 'string',
    compare: 'value',
  },
  {
    key: 'oaid',
    compare: 'value',
    name: 'App user ID',
    description: 'The viewer’s id (a hash in the document; the web app sends it only when logged in).',
    format: 'string',
  },
  {
    key: 'emi',
    name: 'Embed ID',
    description: '12 × [0-9a-z]; new on every Setup (e).',
    format: 'string',
    compare: 'shape',
  },
  {
    key: 'pli',
    compare: 'shape',
    name: 'Play ID',
    description: '12 × [0-9a-z]; new on every Setup (e); one play.',
    format: 'string',
  },
  { key: 'om', name: 'Device model', description: 'Device model.', format: 'string', compare: 'shape' },
  {
    key: 'olng',
    name: 'OS language',
    description: 'Operating system language.',
    format: 'string',
    compare: 'shape',
  },
  {
    key: 'ofv',
    name: 'Firmware version',
    description: 'Device firmware version.',
    format: 'string',
    compare: 'shape',
  },
  {
    key: 'ifa',
    name: 'Advertising ID',
    description: 'Device advertising id (UUID).',
    format: 'string',
    compare: 'shape',
  },
  {
    key: 'ppid',
    name: 'Partner player ID',
    description: 'Partner player id, 0–99.',
    format: 'integer',
    compare: 'value',
  },
  {
    key: 'psv',
    compare: 'value',
    name: 'Ping spec version',
    description: 'Version of the ping interface (SemVer).',
    format: 'string',
  },
  {
    key: 'epv',
    compare: 'value',
    name: 'External player version',
    description: 'Version of the player sending pings.',
    format: 'string',
  },
  {
    key: 'vd',
    compare: 'value',
    name: 'Video duration',
    description: 'Duration in whole seconds; 0 for live.',
    format: 'integer',
  },
  {
    key: 'q',
    compare: 'value',
    name: 'Quantiles',
    description: 'Quantile count by duration: 1, 4, 8, 16 or 32; 0 for live.',
    format: 'enum',
    values: ['0', '1', '4', '8', '16', '32'],
  },
  {
    key: 'pw',
    compare: 'shape',
    name: 'Quantile watched',
    description: 'Position in 1/128ths of the duration (0–128); −1 for live.',
    format: 'integer',
  },
  {
    key: 'ti',
    compare: 'shape',
    name: 'Time interval',
    description: 'Whole seconds watched since the previous time ping (live: about 20).',
    format: 'integer',
  },
];

const events: EventSpec[] = [
  {
    code: 'e',
    name: 'Setup',
    description: 'A playlist item was loaded into the player; starts a play with new `emi` and `pli`.',
  },
  {
    code: 'i',
    name: 'Ad impression',
    description: 'The first frame of an ad creative rendered (bucket clienta).',
  },
  {
    code: 's',
    name: 'Play',
    description: 'First playback tick of the item; once per play.',
    required: PLAYBACK_REQUIRED,
  },
  {
    code: 't',
    periodic: true,
    name: 'Quantile / time',
    description: 'VOD: playback crossed the next quantile boundary. Live: about every 20 s of watching.',
    required: PLAYBACK_REQUIRED,
  },
  {
    code: 'vs',
    name: 'Seeked',
    description: '1 s after the last seek of a burst; repeats the previous ping’s pw and ti.',
    required: PLAYBACK_REQUIRED,
  },
  {
    code: 'gab',
    name: 'Abandon / complete',
    description: 'On complete (pw=128), or on removal / unload while watched time is unreported.',
    required: PLAYBACK_REQUIRED,
  },
];

export const jwSpec: ProtocolSpec = {
  params,
  events: events.map((event) => ({ ...event, docRequired: DOC_REQUIRED })),
  commonRequired: COMMON_REQUIRED,
};
