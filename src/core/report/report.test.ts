import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JW_AID, jwRequests } from '../../../test/helpers/jw-session.js';
import { cleanStatsSession, statsRequest } from '../../../test/helpers/stats-session.js';
import type { CapturedRequest } from '../capture/captured-request.js';
import { importHar } from '../capture/har-import.js';
import { Inspector } from '../inspector.js';
import { placeholder } from '../redaction/redactor.js';
import type { Finding } from '../rules/rule.js';
import { beaconList } from './beacon-list.js';
import { renderHtml } from './html.js';
import { jsonReport } from './json.js';
import { renderJunit } from './junit.js';
import { renderText } from './text.js';

// The report schema of the specs (shared/specs/report.schema.json), copied beside the fixtures.
const schema = JSON.parse(readFileSync('test/fixtures/spec/report.schema.json', 'utf8')) as Record<
  string,
  unknown
>;

const fixture = (name: string) => {
  const inspector = new Inspector();
  inspector.addAll(importHar(readFileSync(`test/fixtures/spec/${name}.har`, 'utf8')).requests);
  return inspector;
};

const EVIL = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(2)</script>';

/** A KAVA Play whose captured values try to become markup, and which carries a ks. */
function hostile(): Inspector {
  const q = new URLSearchParams({
    service: 'analytics',
    action: 'trackEvent',
    eventType: '1',
    partnerId: '2215841',
    entryId: '1_w9zx2eti',
    sessionId: SCRIPT,
    eventIndex: '1',
    position: '0',
    ks: 'djJ8MjIxNTg0MXxzZWNyZXQ=',
    customVar1: EVIL,
    [EVIL]: 'key too',
  });
  const request: CapturedRequest = {
    id: '0',
    method: 'GET',
    url: `https://analytics.kaltura.com/api_v3/index.php?${q}`,
    status: 200,
    startTime: Date.UTC(2026, 2, 2, 9, 30),
  };
  const inspector = new Inspector();
  inspector.add(request);
  return inspector;
}

/** Checks a value against the parts of JSON Schema report.schema.json uses; returns the problems. */
function schemaProblems(value: unknown, s: Record<string, unknown>, path = '$'): string[] {
  const problems: string[] = [];
  const type = s.type as string | undefined;
  if (s.enum && !(s.enum as unknown[]).includes(value)) problems.push(`${path}: not in enum`);
  if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return [`${path}: not an object`];
    const o = value as Record<string, unknown>;
    for (const key of (s.required as string[] | undefined) ?? [])
      if (!(key in o)) problems.push(`${path}.${key}: missing`);
    const props = (s.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [key, v] of Object.entries(o)) {
      const sub = props[key] ?? (s.additionalProperties as Record<string, unknown> | undefined);
      if (sub) problems.push(...schemaProblems(v, sub, `${path}.${key}`));
    }
  } else if (type === 'array') {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    for (const [i, v] of value.entries()) {
      problems.push(...schemaProblems(v, s.items as Record<string, unknown>, `${path}[${i}]`));
    }
  } else if (type === 'string' && typeof value !== 'string') problems.push(`${path}: not a string`);
  else if (type === 'integer' && !Number.isInteger(value)) problems.push(`${path}: not an integer`);
  return problems;
}

describe('JSON report', () => {
  it('has exactly the documented shape', () => {
    for (const name of ['kava-clean', 'kava-index-gap', 'jw-vod', 'stats']) {
      const report = jsonReport(fixture(name));
      expect(schemaProblems(report, schema), name).toEqual([]);
      expect(Object.keys(report)).toEqual(['beacons', 'sessions', 'findings', 'summary']);
      expect(Object.keys(report.beacons[0]!)).toEqual([
        'index',
        'time',
        'protocol',
        'event',
        'sessionId',
        'params',
        'request',
      ]);
    }
  });

  it('names events, groups sessions and reports the lost beacon', () => {
    const report = jsonReport(fixture('kava-index-gap'));
    expect(report.beacons.slice(0, 4).map((b) => b.event)).toEqual([
      { code: '1', name: 'Player Impression' },
      { code: '2', name: 'Play Requested' },
      { code: '3', name: 'Play' },
      { code: '99', name: 'View' },
    ]);
    expect(report.beacons[0]!.time).toBe('2026-03-02T09:30:00.000Z');
    expect(report.beacons[2]!.params).toMatchObject({
      eventType: '3',
      partnerId: '2215841',
      bufferTime: '0',
    });
    expect(report.sessions).toHaveLength(1);
    expect(report.sessions[0]!.beacons).toEqual(report.beacons.map((b) => b.index));
    const gap = report.findings.filter((f) => f.rule === 'kava/event-index-sequence');
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ severity: 'error', beacons: [4, 5], sessionId: report.sessions[0]!.id });
    expect(report.summary).toMatchObject({ beacons: 14, sessions: 1 });
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
  });

  it('redacts ks by default and keeps it on request', () => {
    expect(jsonReport(hostile()).beacons[0]!.params.ks).toBe(placeholder('djJ8MjIxNTg0MXxzZWNyZXQ='));
    expect(jsonReport(hostile(), { redact: false }).beacons[0]!.params.ks).toBe('djJ8MjIxNTg0MXxzZWNyZXQ=');
    // The request kept for `diff` is redacted the same way.
    expect(jsonReport(hostile()).beacons[0]!.request?.url).toContain(
      `ks=${placeholder('djJ8MjIxNTg0MXxzZWNyZXQ=')}`,
    );
    expect(JSON.stringify(jsonReport(hostile()))).not.toContain('djJ8MjIxNTg0MXxzZWNyZXQ');
  });
});

describe('JUnit report', () => {
  it('has one suite per session and one case per rule, failures for errors', () => {
    const inspector = fixture('kava-index-gap');
    const xml = renderJunit(inspector);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(wellFormed(xml)).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(1);
    expect(xml.match(/<testcase /g)).toHaveLength(inspector.rulesFor('kava').length);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toMatch(
      /<testcase [^>]*name="kava\/event-index-sequence"><failure message="[^"]+" type="kava\/event-index-sequence">/,
    );
    expect(renderJunit(fixture('kava-clean'))).not.toContain('<failure');
  });

  it('puts findings about no captured session in a suite of their own', () => {
    const inspector = fixture('kava-clean');
    const missing: Finding = {
      rule: 'expect/event-missing',
      severity: 'error',
      message: 'Expected a JW Play (s) after the play step, but none arrived.',
      beacons: [],
    };
    const source = {
      beacons: () => inspector.beacons(),
      sessions: () => inspector.sessions(),
      findings: () => [...inspector.findings(), missing],
      summary: () => inspector.summary(),
      rulesFor: (id: string) => inspector.rulesFor(id),
      protocols: inspector.protocols,
    };
    const xml = renderJunit(source);
    expect(wellFormed(xml)).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toMatch(/<testcase classname="capture" name="expect\/event-missing"><failure /);
    expect(xml).toContain(
      '<testsuites name="player-inspector" tests="' +
        (inspector.rulesFor('kava').length + 1) +
        '" failures="1"',
    );
  });

  it('escapes captured values', () => {
    const xml = renderJunit(hostile());
    expect(wellFormed(xml)).toBe(true);
    expect(xml).not.toContain('<script');
    expect(xml).toContain('&lt;/script&gt;');
  });
});

describe('HTML report', () => {
  it('is one self-contained page with timelines, findings and beacons', () => {
    const html = renderHtml(fixture('kava-index-gap'), { generatedAt: new Date(0) });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('prefers-color-scheme: dark');
    expect(html).toContain('kava/event-index-sequence');
    expect(html.match(/<tr id="b-/g)).toHaveLength(14);
    // No external assets: nothing is loaded from anywhere.
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/\bsrc=|url\(/i);
  });

  it('never turns a captured value into markup', () => {
    const html = renderHtml(hostile());
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toContain('djJ8MjIxNTg0MXxzZWNyZXQ=');
  });
});

describe('text report', () => {
  it('lists each session as a compact timeline, then findings and a summary', () => {
    const text = renderText(fixture('kava-index-gap'));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^Kaltura KAVA session 8f3c2a10-.* · entry 1_w9zx2eti · partner 2215841 · .*14 beacons$/,
    );
    expect(lines[1]).toMatch(/^ {2}#0 +\+0\.0s +0:00 +Player Impression +position=0 eventIndex=1$/);
    expect(text).toMatch(/#4 +\+12\.6s +0:10 +Play reached 25%/);
    expect(text).toMatch(/✖ error +kava\/event-index-sequence \(#4, #5\): /);
    expect(lines.at(-2)).toMatch(/^14 beacons in 1 session: 1 error, \d+ warnings?, \d+ infos?$/);
    expect(text).not.toContain('\u001b[');
  });

  it('shows a JW Seeked and a mid-roll Ad impression with no position: their pw is the previous ping’s', () => {
    const vod = (pw: number, ti: number) => ({ vd: 60, q: 8, pw, ti });
    const inspector = new Inspector();
    inspector.addAll(
      jwRequests([
        { e: 'e', at: 0 },
        { e: 's', at: 1, fields: vod(0, 0) },
        { e: 't', at: 24, fields: vod(48, 8) },
        // A seek from 0:30 to 0:48: the vs repeats the t's pw=48 (0:23), then a mid-roll ad.
        { e: 'vs', at: 32, fields: vod(48, 8) },
        { e: 'i', at: 33, fields: vod(48, 8) },
        { e: 't', at: 39, fields: vod(112, 4) },
      ]),
    );
    const lines = renderText(inspector).split('\n');
    expect(lines[0]).toBe(
      `JW Player OTT ping session f5e4d3c2b1a0 · Media ID AbCd1234 · Analytics ID ${JW_AID} · App version 4.30.0 · 6 beacons`,
    );
    expect(renderHtml(inspector)).toContain(
      `Media ID <code>AbCd1234</code> · Analytics ID <code>${JW_AID}</code> · App version <code>4.30.0</code>`,
    );
    expect(lines[3]).toMatch(/^ {2}#2 +\+24\.0s +0:23 +Quantile \/ time /);
    expect(lines[4]).toMatch(/^ {2}#3 +\+32\.0s {10}Seeked \[jwplayer6\] +pw=48 /);
    expect(lines[5]).toMatch(/^ {2}#4 +\+33\.0s {10}Ad impression \[clienta\] +pw=48 /);
    expect(lines[6]).toMatch(/^ {2}#5 +\+39\.0s +0:53 +Quantile \/ time /);
  });

  it('colours only when asked', () => {
    expect(renderText(fixture('kava-index-gap'), { color: true })).toContain('\u001b[31m');
  });
});

/** Tags balance and every `&` starts an entity: enough to know a CI parser will read it. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  if (/&(?!(amp|lt|gt|quot|#39);)/.test(body)) return false;
  for (const m of body.matchAll(/<(\/?)([a-zA-Z-]+)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    if (selfClose) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

/** A stats session of 9 beacons all sent with the wrong uiconfId (config expects another). */
function wrongUiconf(): Inspector {
  const inspector = new Inspector({
    config: { expect: { params: [{ protocol: 'kaltura-stats', param: 'event:uiconfId', equals: '999' }] } },
  });
  inspector.addAll(cleanStatsSession());
  return inspector;
}

describe('one problem on many beacons is one finding in every report', () => {
  const MESSAGE = 'event:uiconfId is "23448199" (config expect.params: expected "999") on 9 of 9 beacons.';

  it('JSON: one finding listing the 9 beacons, counted once, in the documented shape', () => {
    const report = jsonReport(wrongUiconf());
    expect(schemaProblems(report, schema)).toEqual([]);
    const wrong = report.findings.filter((f) => f.rule === 'expect/param-value');
    expect(wrong).toEqual([
      {
        rule: 'expect/param-value',
        severity: 'error',
        message: MESSAGE,
        beacons: [0, 1, 2, 3, 4, 5, 6, 7, 8],
        sessionId: 'BE9F3DA9-4CAD-09AA-69B2-D9627E509311',
      },
    ]);
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
    expect(report.summary.errors).toBe(1);
  });

  it('text: one line with the run of beacons', () => {
    const lines = renderText(wrongUiconf()).split('\n');
    expect(lines.filter((l) => l.includes('expect/param-value'))).toEqual([
      `  ✖ error   expect/param-value (#0–#8): ${MESSAGE}`,
    ]);
    expect(lines.at(-2)).toBe('9 beacons in 1 session: 1 error, 0 warnings, 0 infos');
  });

  it('JUnit: one failure', () => {
    const xml = renderJunit(wrongUiconf());
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('(beacons #0–#8)');
  });

  it('HTML: one row linking the first and last beacon of the run', () => {
    const html = renderHtml(wrongUiconf());
    const rows = html.match(/<tr><td class="error">error<\/td><td><code class="rule">expect\/param-value/g);
    // Once in the session's table, once in the table of all findings.
    expect(rows).toHaveLength(2);
    expect(html).toContain('<a href="#b-0">#0</a>–<a href="#b-8">#8</a>');
  });

  it('keeps different values apart, and each session its own finding', () => {
    const a = cleanStatsSession({ sessionId: 'A' });
    a[3] = statsRequest({ type: 12, at: 5, position: 3, fields: { uiconfId: 5 } }, { sessionId: 'A' });
    const b = cleanStatsSession({ sessionId: 'B' });
    const inspector = new Inspector({
      config: { expect: { params: [{ protocol: 'kaltura-stats', param: 'event:uiconfId', equals: '999' }] } },
    });
    inspector.addAll([...a, ...b]);
    const found = inspector.findings().filter((f) => f.rule === 'expect/param-value');
    expect(found.map((f) => [f.sessionId, f.beacons.length])).toEqual([
      ['A', 8],
      ['A', 1],
      ['B', 9],
    ]);
    expect(found[1]?.message).toBe(
      'event:uiconfId on Buffer Start is "5": expected "999" (config expect.params).',
    );
  });
});

describe('beacon runs', () => {
  it('shortens runs of three or more and keeps pairs and singles', () => {
    expect(beaconList([8, 0, 1, 2, 5, 6, 10])).toBe('#0–#2, #5, #6, #8, #10');
    expect(beaconList([0, 1, 2], 1)).toBe('#1–#3');
    expect(beaconList([])).toBe('');
  });
});
