import { describe, expect, it } from 'vitest';
import { largeCapture } from '../../../test/helpers/large-capture.js';
import { Inspector } from '../inspector.js';
import { HTML_LIMITS, htmlChunks } from './html.js';
import { REPORT_FORMATS, reportChunks } from './index.js';
import { jsonReport } from './json.js';

// A capture large enough to show that reports come out in pieces, small enough for a unit test.
const SESSIONS = 250;
const inspector = new Inspector();
for (const request of largeCapture(SESSIONS)) inspector.add(request);
const beacons = inspector.beacons().length;

/** Tags open and close in order (void elements of the HTML head aside): the XML is well-formed. */
function expectBalancedTags(markup: string): void {
  const open: string[] = [];
  const body = markup.replace(/^<\?xml[^>]*\?>|^<!doctype html>/i, '');
  for (const [, close, name, selfClosing] of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (name === 'meta' || selfClosing) continue;
    if (close) expect(open.pop()).toBe(name);
    else open.push(name as string);
  }
  expect(open).toEqual([]);
}

describe('reports in pieces', () => {
  it('every format comes out in many small pieces, none holding the whole report', () => {
    for (const format of REPORT_FORMATS) {
      let pieces = 0;
      let largest = 0;
      let total = 0;
      for (const piece of reportChunks(format, inspector, { generatedAt: new Date(0) })) {
        pieces += 1;
        largest = Math.max(largest, piece.length);
        total += piece.length;
      }
      expect(pieces, format).toBeGreaterThan(SESSIONS);
      expect(largest, format).toBeLessThan(total / 20);
    }
  });

  it('the JSON pieces join to the documented report', () => {
    const text = [...reportChunks('json', inspector)].join('');
    expect(JSON.parse(text)).toEqual(jsonReport(inspector));
    expect(text).toBe(`${JSON.stringify(jsonReport(inspector), null, 2)}\n`);
  });

  it('the JSON of an empty capture is the same as JSON.stringify', () => {
    const empty = new Inspector();
    expect([...reportChunks('json', empty)].join('')).toBe(`${JSON.stringify(jsonReport(empty), null, 2)}\n`);
  });

  it('JUnit is well-formed, with one suite per session', () => {
    const xml = [...reportChunks('junit', inspector)].join('');
    expectBalancedTags(xml);
    expect(xml.match(/<testsuite /g)).toHaveLength(SESSIONS);
    const failures = Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)?.[1]);
    expect(failures).toBe(xml.match(/<testcase [^>]*><failure /g)?.length);
  });

  it('a huge HTML report draws the first sessions, summarises the rest and says so', () => {
    const limits = { sessions: 50, beacons: 300, findings: 40 };
    const html = [...htmlChunks(inspector, { limits })].join('');
    expectBalancedTags(html);
    expect(html.match(/<svg /g)).toHaveLength(50);
    expect(html).toContain(
      `${SESSIONS - 50} more sessions are summarised without timelines (the first 50 are drawn).`,
    );
    expect(html.match(/<tr id="b-/g)).toHaveLength(300);
    expect(html).toContain(
      `The first 300 of ${beacons} beacons are listed: the JSON report has all of them.`,
    );
    expect(html).toMatch(/The first 40 of \d+ findings are listed/);
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('within the limits the HTML report is whole', () => {
    expect(SESSIONS).toBeGreaterThan(HTML_LIMITS.sessions);
    const small = new Inspector();
    for (const request of largeCapture(3)) small.add(request);
    const html = [...htmlChunks(small)].join('');
    expectBalancedTags(html);
    expect(html).not.toContain('class="muted limit"');
    expect(html.match(/<tr id="b-/g)).toHaveLength(45);
  });
});
