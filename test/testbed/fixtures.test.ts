import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { variants } from '../../demo/variants.mjs';
import { importHar } from '../../src/core/capture/har-import.js';
import { Inspector } from '../../src/core/inspector.js';

// The HAR files `npm run record-fixtures` recorded from the demo site in headless Chromium.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

function inspectFixture(name: string): Inspector {
  const file = join(fixtures, `${name}.har`);
  const inspector = new Inspector();
  inspector.addAll(importHar(readFileSync(file, 'utf8'), { name: file }).requests);
  return inspector;
}

describe('recorded fixtures of the clean demo pages', () => {
  it.each([
    ['kaltura', 'kava'],
    ['kaltura-long-pause', 'kava'],
    ['stats', 'kaltura-stats'],
    ['stats-html5', 'kaltura-stats'],
    ['stats-kdp', 'kaltura-stats'],
    ['jw', 'jw'],
  ])('%s: every beacon named, no error finding', (name, protocol) => {
    const inspector = inspectFixture(name);
    const beacons = inspector.beacons();
    expect(beacons.length).toBeGreaterThan(5);
    expect(beacons.every((b) => b.protocol === protocol)).toBe(true);
    expect(beacons.filter((b) => !b.event.known).map((b) => b.event.name)).toEqual([]);
    const errors = inspector.findings().filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('kaltura-long-pause: the real player resets the session after a pause over 30 s', () => {
    const rules = inspectFixture('kaltura-long-pause')
      .findings()
      .map((f) => f.rule);
    expect(rules).toContain('kava/session-reset');
  });
});

// The stats emitter in the order and keys of three real clients (?client=), read from their source: an
// emitter, not the players themselves (docs/real-player.md). The JW emitter is written to the OTT web
// app's ping script; ?lose=2 loses its second time ping on the way.
describe('recorded fixtures of the real clients’ shapes', () => {
  const notInfo = (inspector: Inspector) =>
    inspector
      .findings()
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.rule} ${JSON.stringify(f.beacons)}: ${f.message}`);
  const codes = (inspector: Inspector) => inspector.beacons().map((b) => b.event.code);

  it.each([
    ['stats-html5', ['2', '1', '3']],
    ['stats-kdp', ['1', '2', '3']],
  ])('%s: the client’s load order, a Seek without newPoint, no error and no warning', (name, start) => {
    const inspector = inspectFixture(name);
    expect(codes(inspector).slice(0, 3)).toEqual(start);
    const seek = inspector.beacons().find((b) => b.event.code === '17');
    expect(seek?.values['event:seek']).toBe('false');
    expect(seek?.values['event:newPoint']).toBeUndefined();
    expect(notInfo(inspector)).toEqual([]);
  });

  it('stats-android: only the missing mandatory keys, each naming the key sent in another case', () => {
    const inspector = inspectFixture('stats-android');
    expect(codes(inspector).slice(0, 3)).toEqual(['1', '2', '3']);
    const findings = inspector.findings().filter((f) => f.severity !== 'info');
    // One cause, one finding: the same keys missing on every beacon are one finding listing them all.
    const all = inspector.beacons().length;
    expect(findings.map((f) => f.beacons)).toEqual([inspector.beacons().map((b) => b.index)]);
    expect(findings[0]?.message).toContain(`on ${all} of ${all} beacons.`);
    for (const f of findings) {
      expect(f.rule).toBe('stats/missing-required');
      expect(f.message).toContain(
        'event:eventTimestamp missing; event:eventTimeStamp is present (keys are case-sensitive).',
      );
      expect(f.message).toContain('event:referrer');
    }
    // Seconds, not milliseconds: the seek to 40 s is placed at 40 s.
    expect(inspector.sessions()[0]?.playback.seeks[0]?.to).toBe(40);
  });

  it('stats-html5-quartile-order: the swapped quartiles, at the quartile that came late, in mwEmbed’s order', () => {
    const inspector = inspectFixture('stats-html5-quartile-order');
    const late = inspector.beacons().findIndex((b) => b.event.code === '5');
    expect(codes(inspector).slice(0, 2)).toEqual(['2', '1']);
    expect(inspector.findings().map((f) => [f.rule, f.beacons])).toEqual([['stats/order', [late]]]);
  });

  it('stats-seek-no-target: the warning at each Seek', () => {
    const inspector = inspectFixture('stats-seek-no-target');
    const seeks = inspector.beacons().filter((b) => b.event.code === '17');
    expect(seeks.length).toBeGreaterThan(0);
    const hits = inspector.findings().filter((f) => f.rule === 'stats/seek-fields');
    expect(hits.map((f) => [f.beacons, f.message])).toEqual(
      seeks.map((b) => [
        [b.index],
        'Expected the Seek to carry its target in event:currentPoint (or event:newPoint), but it has neither.',
      ]),
    );
  });

  it('jw: no error and no warning; jw-lost-ping: one error at the time ping after the lost one', () => {
    expect(notInfo(inspectFixture('jw'))).toEqual([]);
    const inspector = inspectFixture('jw-lost-ping');
    const times = inspector.beacons().filter((b) => b.event.code === 't');
    expect(times.slice(0, 2).map((b) => b.values.pw)).toEqual(['16', '48']);
    expect(notInfo(inspector)).toEqual([
      `jw/lost-ping [${times[1]?.index}]: Expected the next time ping one quantile (128/q = 16) after pw=16, ` +
        'but it came at pw=48 with no Seeked (vs) between: 1 time ping (pw=32) lost, or a Seeked (vs) missing.',
    ]);
  });
});

// Variants judged by ground truth need what the <video> really did, which only an audit records: they
// are proven by live audits in test/audit/audit-variants.test.ts, not by recorded HAR files.
const byBeaconsAlone = variants.filter((v) => !v.expectedRules.some((r) => r.startsWith('truth/')));

describe('recorded fixtures of the broken variants', () => {
  it.each(byBeaconsAlone.map((v) => [`${v.page}-${v.bug}`, v.expectedRules] as const))(
    '%s: reports exactly %j at error level, and each of them',
    (name, expected) => {
      const inspector = inspectFixture(name);
      const findings = inspector.findings();
      const severityOf = (rule: string) => {
        for (const protocol of inspector.protocols) {
          const active = inspector.rulesFor(protocol.id).find((r) => r.rule.id === rule);
          if (active) return active.severity;
        }
        return undefined;
      };
      const errorRules = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
      expect(errorRules.sort()).toEqual(expected.filter((r) => severityOf(r) === 'error').sort());
      expect(expected.every((r) => severityOf(r) !== undefined)).toBe(true);
      for (const rule of expected) expect(findings.map((f) => f.rule)).toContain(rule);
    },
  );
});
