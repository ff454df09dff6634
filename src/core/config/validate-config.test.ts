import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.js';
import { ConfigError, knownRuleIds, parseConfig, validateConfig } from './validate-config.js';

const message = (json: unknown) => {
  try {
    validateConfig(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('validateConfig', () => {
  it('knows every rule id of rules.md', () => {
    const ids = knownRuleIds();
    for (const id of [
      'beacon/http-error',
      'session/mixed-ids',
      'expect/param-value',
      'kava/order',
      'stats/order',
      'jw/order',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('accepts a full config and returns it', () => {
    const config = {
      $schema: './player-inspector.config.schema.json',
      rules: { 'kava/view-interval': 'off', 'beacon/duplicate': 'error' },
      expect: {
        params: [
          { protocol: 'kava', event: 'Play', param: 'partnerId', equals: '1234' },
          { param: 'customVar1', matches: '^ab' },
        ],
        events: [{ protocol: 'kava', event: '14', min: 1 }],
      },
      kava: { viewIntervalSeconds: 10, viewIntervalTolerance: 3, sessionResetSeconds: 30 },
      jw: { pingIntervalTolerance: 2, livePingIntervalSeconds: 20 },
      capture: { customCollectors: ['collector.example.com/'] },
      diff: {
        ignoreParams: [{ protocol: 'kava', param: 'applicationVer' }],
        allowValueChange: [{ param: 'clientVer' }],
        ignoreEvents: [{ protocol: 'kava', event: 'Buffer Start' }],
        ignoreRules: ['kava/view-interval'],
        timingTolerance: 3,
        findingSeverity: 'error',
      },
    };
    const { $schema: _, ...expected } = config;
    expect(validateConfig(config)).toEqual(expected);
  });

  it('accepts the documented example file', () => {
    const config = parseConfig(readFileSync('player-inspector.config.example.json', 'utf8'));
    expect(config.rules?.['kava/view-interval']).toBe('error');
    expect(config.expect?.params).toHaveLength(4);
    expect(config.expect?.events).toHaveLength(3);
    expect(config.diff?.allowValueChange).toEqual([{ protocol: 'kava', param: 'clientVer' }]);
  });

  it('names every problem of the diff section by its key path', () => {
    const problems = (json: unknown) => {
      try {
        validateConfig(json);
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    };
    expect(
      problems({
        diff: {
          ignoreParams: [{ protocol: 'kva', param: 'x' }, { param: '' }],
          ignoreEvents: [{ protocol: 'kava', event: 'Paus' }],
          ignoreRules: ['kava/ordr'],
          timingTolerance: -1,
          findingSeverity: 'off',
          timingTolerence: 2,
        },
      }),
    ).toEqual([
      'config: diff.timingTolerence: unknown key (did you mean "timingTolerance"?)',
      'config: diff.ignoreParams[0].protocol: expected one of jw, kava, kaltura-stats, got "kva" (did you mean "kava"?)',
      'config: diff.ignoreParams[1].param: expected a non-empty string, got ""',
      'config: diff.ignoreEvents[0].event: not an event of kava (did you mean "Pause clicked"?)',
      'config: diff.ignoreRules[0]: unknown rule id (did you mean "kava/order"?)',
      'config: diff.timingTolerance: expected a non-negative number of seconds, got -1',
      'config: diff.findingSeverity: expected one of "error", "warning", "info", got "off"',
    ]);
  });

  it('checks the truth tolerances and knows the truth/… rule ids', () => {
    expect(
      validateConfig({ truth: { eventToleranceSeconds: 5 }, rules: { 'truth/no-beacons': 'warning' } }),
    ).toEqual({
      truth: { eventToleranceSeconds: 5 },
      rules: { 'truth/no-beacons': 'warning' },
    });
    expect(message({ truth: { playheadToleranceSeconds: -1 } })).toMatch(
      /^config: truth\.playheadToleranceSeconds: expected a non-negative number of seconds/,
    );
    expect(message({ truth: { eventTolerance: 1 } })).toMatch(
      /truth\.eventTolerance: unknown key \(did you mean "eventToleranceSeconds"\?\)/,
    );
    expect(resolveConfig({}).truth.eventToleranceSeconds).toBe(3);
  });

  it('accepts a numeric equals as text', () => {
    expect(validateConfig({ expect: { params: [{ param: 'partnerId', equals: 1234 }] } })).toEqual({
      expect: { params: [{ param: 'partnerId', equals: '1234' }] },
    });
  });

  it('suggests the rule id that was meant', () => {
    expect(message({ rules: { 'kava/ordr': 'error' } })).toBe(
      'config: rules["kava/ordr"]: unknown rule id (did you mean "kava/order"?)',
    );
    expect(message({ rules: { 'no/such-thing-at-all': 'off' } })).toBe(
      'config: rules["no/such-thing-at-all"]: unknown rule id',
    );
  });

  it('names a bad severity', () => {
    expect(message({ rules: { 'beacon/duplicate': 'fatal' } })).toBe(
      'config: rules["beacon/duplicate"]: expected one of "error", "warning", "info", "off", got "fatal"',
    );
  });

  it('names unknown keys with a suggestion', () => {
    expect(message({ kava: { viewInterval: 10 } })).toBe(
      'config: kava.viewInterval: unknown key (did you mean "viewIntervalSeconds"?)',
    );
    expect(message({ rule: {} })).toBe('config: rule: unknown key (did you mean "rules"?)');
  });

  it('names wrong types', () => {
    expect(message([])).toBe('config: (root): expected an object, got an array');
    expect(message({ kava: { viewIntervalSeconds: '10' } })).toBe(
      'config: kava.viewIntervalSeconds: expected a positive number of seconds, got "10"',
    );
    expect(message({ expect: { params: {} } })).toBe(
      'config: expect.params: expected an array, got an object',
    );
    expect(message({ expect: { params: [{ param: 'x', present: 'yes' }] } })).toBe(
      'config: expect.params[0].present: expected true or false, got "yes"',
    );
    expect(message({ expect: { events: [{ protocol: 'kava', event: 'Play', min: -1 }] } })).toBe(
      'config: expect.events[0].min: expected a whole number ≥ 0, got -1',
    );
  });

  it('names missing and unknown values in expectations', () => {
    expect(message({ expect: { params: [{ equals: '1' }] } })).toBe(
      'config: expect.params[0].param: missing',
    );
    expect(message({ expect: { events: [{ event: 'Play' }] } })).toBe(
      'config: expect.events[0].protocol: missing (one of kava, kaltura-stats, jw)',
    );
    expect(message({ expect: { events: [{ protocol: 'kavaa', event: 'Play' }] } })).toBe(
      'config: expect.events[0].protocol: expected one of jw, kava, kaltura-stats, got "kavaa" (did you mean "kava"?)',
    );
    expect(message({ expect: { events: [{ protocol: 'kava', event: 'Plya' }] } })).toBe(
      'config: expect.events[0].event: not an event of kava (did you mean "Play"?)',
    );
  });

  it('names a bad regular expression', () => {
    expect(message({ expect: { params: [{ param: 'x', matches: '(' }] } })).toMatch(
      /^config: expect\.params\[0\]\.matches: invalid regular expression \(.+\)$/,
    );
  });

  it('names a pattern no linear-time automaton runs (a lookaround, a backreference)', () => {
    expect(message({ expect: { params: [{ param: 'x', matches: '^(?!test)' }] } })).toBe(
      'config: expect.params[0].matches: "^(?!test)" uses a lookaround, which Player Inspector does not run (patterns run in time linear in the value, so that no captured value can hang validation)',
    );
  });

  it('accepts a catastrophic-backtracking pattern: it runs in linear time', () => {
    expect(validateConfig({ expect: { params: [{ param: 'x', matches: '^(a+)+$' }] } })).toEqual({
      expect: { params: [{ param: 'x', matches: '^(a+)+$' }] },
    });
  });

  it('counts further problems and keeps the file name', () => {
    try {
      parseConfig('{"rules": {"x/y": "off"}, "foo": 1}', { name: 'my.json' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).message).toBe('my.json: foo: unknown key (and 1 more)');
      expect((error as ConfigError).problems).toHaveLength(2);
    }
    expect(() => parseConfig('{', { name: 'my.json' })).toThrow(/^my\.json: not valid JSON/);
  });

  it('throws nothing but ConfigError on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        try {
          validateConfig(json);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
