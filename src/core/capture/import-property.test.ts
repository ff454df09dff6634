import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Inspector } from '../inspector.js';
import { REPORT_FORMATS, renderReport } from '../report/index.js';
import { InputError, importHar } from './har-import.js';
import { importUrlList } from './url-list-import.js';

/** Query values that stress decoders: broken escapes, markup, huge numbers, the literal "undefined". */
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    'undefined',
    '<img onerror=x>',
    '1e999',
    '-1',
    '',
    '0_abcd1234',
    '99',
    's',
    't',
  ),
);

const beaconUrl = fc
  .tuple(
    fc.constantFrom(
      'https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent',
      'https://stats.kaltura.com/api_v3/index.php?service=stats&action=collect',
      'https://ihe.jwpltx.com/v1/jwplayer6/ping.gif?',
      'https://ihe.jwpltx.com/v1/clienta/ping.gif?',
      'not a url?',
    ),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'eventType',
          'event%3AeventType',
          'event[eventType]',
          'sessionId',
          'eventIndex',
          'e',
          'pli',
          'pw',
          'vd',
          'q',
          'position',
          'ks',
        ),
        nasty,
      ),
      { maxLength: 8 },
    ),
  )
  .map(([base, pairs]) => `${base}&${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);

const entry = fc.record(
  {
    startedDateTime: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string(),
    ),
    time: fc.oneof(fc.double(), fc.constant(-1)),
    request: fc.record(
      {
        method: fc.constantFrom('GET', 'POST', 'get'),
        url: beaconUrl,
        postData: fc.record(
          { mimeType: fc.string(), text: fc.oneof(fc.string(), beaconUrl) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['url'] },
    ),
    response: fc.record(
      { status: fc.oneof(fc.integer({ min: -1, max: 600 }), fc.constant(0)), _error: fc.string() },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['request'] },
);

/** Whatever the input, importing, validating and reporting either works or says InputError. */
function survives(load: () => ReturnType<typeof importUrlList>): void {
  let requests: ReturnType<typeof importUrlList>;
  try {
    requests = load();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return;
  }
  const inspector = new Inspector();
  inspector.addAll(requests);
  inspector.findings();
  for (const format of REPORT_FORMATS) renderReport(format, inspector);
}

describe('importing and validating anything', () => {
  it('never throws but InputError for HAR text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.oneof(entry, fc.anything())).map((entries) => JSON.stringify({ log: { entries } })),
        ),
        (text) => survives(() => importHar(text).requests),
      ),
      { numRuns: 200 },
    );
  });

  it('never throws but InputError for URL lists', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(beaconUrl).map((urls) => urls.join('\n')),
        ),
        (text) => survives(() => importUrlList(text, { startTime: 0 })),
      ),
      { numRuns: 200 },
    );
  });
});
