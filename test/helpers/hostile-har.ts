import fc from 'fast-check';
import type { Config } from '../../src/core/config/config.js';
import { base64 } from '../fuzz/hostile.js';

/**
 * The one generator of hostile HARs: every report format, the HAR export and the panel's exports are
 * tested on its output. Each entry hides a secret somewhere the review found one surviving (query and
 * fragment in every key spelling, path segment, JSON / multipart / base64 / `postData.params` bodies,
 * URL-valued parameters encoded once and twice, credential headers, error texts, values the findings
 * quote), and carries captured text that must stay inert: terminal controls, bidi overrides, markup and
 * prototype-polluting keys.
 */

/** Where each secret hides; every value is distinct, so a leak names its hole. */
export const SECRET_PLACES = [
  'query',
  'upperKey',
  'mixedKey',
  'encodedKey',
  'statsKey',
  'statsUpperKey',
  'statsBracketKey',
  'fragment',
  'path',
  'referrerOnce',
  'referrerTwice',
  'statsReferrerTwice',
  'pageReferer',
  'cookie',
  'setCookie',
  'authorization',
  'proxyAuthorization',
  'kalturaSessionHeader',
  'jsonBody',
  'jsonNested',
  'multipart',
  'postDataParams',
  'base64Form',
  'base64Json',
  'binaryBody',
  'genericToken',
  'badEncoding',
  'errorText',
  'long',
] as const;

export type SecretPlace = (typeof SECRET_PLACES)[number];
export type Secrets = Record<SecretPlace, string>;

/**
 * Characters a ks is made of (base64, its URL-safe variant) plus a few a generic secret may hold. No
 * `%`: a secret is sent encoded, and the tests search the output for each encoding of it.
 */
const SECRET_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_.~!*()'];

/** A secret value: long enough that finding it in an output can only mean a leak. */
export const secretValue = fc
  .array(fc.constantFrom(...SECRET_CHARS), { minLength: 24, maxLength: 120 })
  .map((chars) => `djJ8${chars.join('')}`);

/** Distinct secrets for every place, the `long` one longer than a finding message quotes. */
export const hostileSecrets: fc.Arbitrary<Secrets> = fc
  .uniqueArray(secretValue, {
    minLength: SECRET_PLACES.length,
    maxLength: SECRET_PLACES.length,
    selector: (s) => s.slice(0, 20),
  })
  .map((values) => {
    const out = {} as Secrets;
    SECRET_PLACES.forEach((place, i) => {
      out[place] = values[i] as string;
    });
    out.long = `${out.long}${'Q'.repeat(80)}`;
    return out;
  });

/** Fixed secrets, for tests that need one HAR rather than a property. */
export function fixedSecrets(): Secrets {
  const out = {} as Secrets;
  SECRET_PLACES.forEach((place, i) => {
    out[place] = `djJ8${place}Zx${i}+k/9Ab=c-d_e.f~g!h*i(j)kLmNoPq`;
  });
  out.long = `${out.long}${'Q'.repeat(80)}`;
  return out;
}

/** Captured text that must never act on a terminal: OSC title, OSC 8 hyperlink, clear, BEL, CR, C1, RLO. */
export const TERMINAL_ATTACKS = [
  '\x1b]0;owned\x07',
  '\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\',
  '\x1b[2J\x1b[H',
  '\x07',
  'over\rwrite',
  '\x9b31m',
  '\x85',
  '\u202egnp.exe',
  '\u2066isolate\u2069',
] as const;

/** Markup a captured value may try to become. */
export const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(2)</script>',
  '<svg onload=alert(3)>',
];

const enc = encodeURIComponent;
const KAVA = 'https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent';
const STATS = 'https://stats.kaltura.com/api_v3/index.php?service=stats&action=collect';
const JW = 'https://ihe.jwpltx.com/v1/jwplayer6/ping.gif';
const PAGE = 'https://player.example/watch';

interface EntryInit {
  method?: string;
  headers?: [string, string][];
  postData?: Record<string, unknown>;
  status?: number;
  error?: string;
  responseHeaders?: [string, string][];
}

export interface HostileHar {
  /** The HAR document, as a file would hold it. */
  har: { log: { version: string; creator: { name: string; version: string }; entries: unknown[] } };
  secrets: Secrets;
  /** A config whose expectations make findings quote values (a ks among them). */
  config: Config;
  /** The page the beacons were sent from, with a ks in its query (audits title reports with it). */
  pageUrl: string;
}

/** A HAR of KAVA, stats and JW beacons hiding `secrets` everywhere and carrying hostile text. */
export function hostileHar(secrets: Secrets = fixedSecrets()): HostileHar {
  const s = secrets;
  const pageUrl = `${PAGE}?ks=${enc(s.pageReferer)}&lang=en`;
  const controls = TERMINAL_ATTACKS.join('');
  const session = `sess-${enc('\x1b[31m')}-1`;
  const kava = (event: number, index: number, extra: string) =>
    `${KAVA}&eventType=${event}&partnerId=2215841&entryId=1_w9zx2eti&sessionId=${session}&eventIndex=${index}&position=0${extra}`;
  const entries: unknown[] = [];
  let t = Date.UTC(2026, 2, 2, 9, 30);
  const add = (url: string, init: EntryInit = {}) => {
    t += 1000;
    const headers = [['Referer', pageUrl], ...(init.headers ?? [])].map(([name, value]) => ({ name, value }));
    const request: Record<string, unknown> = {
      method: init.method ?? 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      headers,
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
    };
    if (init.postData) request.postData = init.postData;
    const response: Record<string, unknown> = {
      status: init.status ?? 200,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: (init.responseHeaders ?? []).map(([name, value]) => ({ name, value })),
      cookies: [],
      content: { size: 0, mimeType: 'text/plain' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    };
    if (init.error !== undefined) response._error = init.error;
    entries.push({
      startedDateTime: new Date(t).toISOString(),
      time: 10,
      request,
      response,
      cache: {},
      timings: { send: 0, wait: 10, receive: 0 },
    });
  };

  // KAVA over GET: the ks in every key spelling, credential headers, a URL-valued referrer.
  add(
    kava(
      1,
      1,
      `&ks=${enc(s.query)}&referrer=${enc(`${PAGE}?ks=${enc(s.referrerOnce)}`)}&customVar1=${enc(MARKUP[0]!)}&errorCode=${enc(controls)}`,
    ),
    {
      headers: [
        ['Cookie', `kms_ctamuls=${s.cookie}; other=1`],
        ['Authorization', `Bearer ${s.authorization}`],
        ['Proxy-Authorization', `Basic ${s.proxyAuthorization}`],
        ['X-Kaltura-Session', s.kalturaSessionHeader],
        ['Set-Cookie', `ks=${s.setCookie}`],
      ],
      responseHeaders: [['Set-Cookie', `ks=${s.setCookie}; Path=/`]],
    },
  );
  add(kava(2, 2, `&KS=${enc(s.upperKey)}&referrer=${enc(enc(`${PAGE}?ks=${enc(s.referrerTwice)}`))}`));
  add(kava(3, 3, `&Ks=${enc(s.mixedKey)}&k%73=${enc(s.encodedKey)}&bufferTime=0&actualBitrate=1`));
  add(kava(99, 4, `&bufferTime=0&actualBitrate=1#ks=${enc(s.fragment)}&x=1`));
  // Path-style Kaltura API call: the ks is a path segment.
  add(
    `https://analytics.kaltura.com/api_v3/service/analytics/action/trackEvent/ks/${enc(s.path)}/eventType/99?partnerId=2215841&entryId=1_w9zx2eti&sessionId=${session}&eventIndex=5&position=10`,
  );
  // Bodies: JSON (nested, with a polluting key), multipart, postData.params only, base64 and binary.
  add(kava(99, 6, ''), {
    method: 'POST',
    postData: {
      mimeType: 'application/json',
      text: JSON.stringify({
        ks: s.jsonBody,
        data: { Authorization: s.jsonNested, note: MARKUP[1] },
        // A key JSON.parse keeps as an own "__proto__": copying it naively would pollute.
      }).replace('"data"', '"__proto__":{"polluted":"yes"},"data"'),
    },
  });
  const boundary = '----pi7MA4YWxkTrZu0gW';
  add(kava(99, 7, ''), {
    method: 'POST',
    postData: {
      mimeType: `multipart/form-data; boundary=${boundary}`,
      text: `--${boundary}\r\nContent-Disposition: form-data; name="ks"\r\n\r\n${s.multipart}\r\n--${boundary}\r\nContent-Disposition: form-data; name="eventType"\r\n\r\n99\r\n--${boundary}--\r\n`,
    },
  });
  add(STATS, {
    method: 'POST',
    postData: {
      mimeType: 'application/x-www-form-urlencoded',
      params: [
        { name: 'event:eventType', value: '3' },
        { name: 'event:sessionId', value: 'stats-1' },
        { name: 'event:ks', value: s.postDataParams },
      ],
    },
  });
  add(kava(99, 8, ''), {
    method: 'POST',
    postData: {
      mimeType: 'application/x-www-form-urlencoded',
      encoding: 'base64',
      text: btoa(`eventType=99&ks=${enc(s.base64Form)}`),
    },
  });
  add(kava(99, 9, ''), {
    method: 'POST',
    postData: {
      mimeType: 'application/json',
      encoding: 'base64',
      text: btoa(JSON.stringify({ ks: s.base64Json })),
    },
  });
  const bytes = new Uint8Array([
    0xff,
    0xfe,
    0x00,
    ...new TextEncoder().encode(`&ks=${enc(s.binaryBody)}&`),
    0xc3,
  ]);
  add(kava(99, 10, ''), {
    method: 'POST',
    postData: { mimeType: 'application/octet-stream', encoding: 'base64', text: base64(bytes) },
  });
  // Values the findings quote: a broken percent-encoding, a network error text, a too long ks.
  add(kava(99, 11, `&ks=${enc(s.badEncoding)}%ZZ`));
  add(kava(99, 12, `&ks=${enc(s.long)}`), {
    status: 0,
    error: `net::ERR_BLOCKED_BY_CLIENT ${controls} while loading https://collector.example/e?ks=${enc(s.errorText)}`,
  });
  // Kaltura stats: event:KS, event[ks], a referrer encoded twice, markup keys and polluting keys.
  add(
    `${STATS}&event:eventType=2&event:sessionId=stats-1&event:partnerId=2215841&event:entryId=${enc('\u202e1_evil')}&event:KS=${enc(s.statsUpperKey)}&event%5Bks%5D=${enc(s.statsBracketKey)}&event%3Aks=${enc(s.statsKey)}&event:referrer=${enc(enc(`${PAGE}?a=1&ks=${enc(s.statsReferrerTwice)}`))}&${enc(MARKUP[2]!)}=1&__proto__%5Bpolluted%5D=yes&constructor%5Bprototype%5D%5Bpolluted%5D=yes&__proto__=x`,
  );
  // JW: a generic secret name, control characters in key parameters.
  add(`${JW}?e=t&pw=${enc(`\x1b]0;${'jw'}\x07`)}&ti=1&vd=60&q=4&access_token=${enc(s.genericToken)}&id=x`);

  const config: Config = {
    expect: {
      params: [
        { protocol: 'kava', param: 'ks', equals: 'the-right-one' },
        { protocol: 'kava', param: 'errorCode', equals: 'none' },
      ],
    },
  };
  return {
    har: { log: { version: '1.2', creator: { name: 'hostile', version: '1' }, entries } },
    secrets,
    config,
    pageUrl,
  };
}

/** Every form a leaked secret could take in an output: as is, encoded once or twice, JSON-escaped, cut short. */
export function leakForms(secret: string): string[] {
  return [
    secret,
    enc(secret),
    enc(enc(secret)),
    enc(secret).replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
    secret.slice(0, 16),
    enc(secret).slice(0, 16),
  ];
}

/** The places whose secret shows in `text`, in any of its forms ([] when nothing leaked). */
export function leaks(text: string, secrets: Secrets): string[] {
  return SECRET_PLACES.filter((place) => leakForms(secrets[place]).some((form) => text.includes(form)));
}

/** Control and bidi characters the text report must never print raw (tab and newline are its own). */
export const RAW_CONTROL =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;
