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

describe('recorded fixtures of the broken variants', () => {
  it.each(variants.map((v) => [`${v.page}-${v.bug}`, v.expectedRules] as const))(
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
