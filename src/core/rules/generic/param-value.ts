import { hasValue } from '../../beacon.js';
import type { ParamExpectation } from '../../config/config.js';
import { type LinearPattern, linearPattern } from '../../config/linear-pattern.js';
import { truncate } from '../../params/parse-params.js';
import { defineRule } from '../rule.js';
import { eventMatches } from './event-match.js';

/**
 * Compiled once per pattern, to an automaton linear in the value (a captured value must not make a
 * pattern like `^(a+)+$` backtrack for ever); null when it cannot be compiled.
 */
const patterns = new Map<string, LinearPattern | null>();

function pattern(source: string): LinearPattern | null {
  let re = patterns.get(source);
  if (re === undefined) {
    try {
      new RegExp(source);
      re = linearPattern(source);
    } catch {
      re = null;
    }
    patterns.set(source, re);
  }
  return re;
}

/** What is wrong with a beacon's value for one expectation, or undefined when it is as expected. */
function judge(
  expectation: ParamExpectation,
  value: string | undefined,
  present: boolean,
): string | undefined {
  const { equals, matches } = expectation;
  if (expectation.present === false) return present ? 'expected it absent' : undefined;
  if (equals !== undefined && value !== equals) return `expected ${JSON.stringify(equals)}`;
  if (matches !== undefined) {
    const re = pattern(matches);
    if (re === null)
      return `expected a match of ${JSON.stringify(matches)}, which is no regular expression Player Inspector can run`;
    if (value === undefined || !re.test(value)) return `expected a value matching /${matches}/`;
  }
  if (!present && (expectation.present === true || (equals === undefined && matches === undefined))) {
    return 'expected it present and non-empty';
  }
  return undefined;
}

export const paramValue = defineRule({
  id: 'expect/param-value',
  severity: 'error',
  title: 'Expected parameter value',
  explanation:
    'The config file (expect.params) says which value a parameter must have on some beacons, e.g. partnerId = 1234 on every KAVA beacon, or customVar1 present on Play. A beacon that differs sends data to the wrong account or loses a segmentation.',
  check(beacon, _session, _state, env) {
    const out = [];
    for (const expectation of env.config.expect.params) {
      if (expectation.protocol !== undefined && expectation.protocol !== env.protocol.id) continue;
      if (expectation.event !== undefined && !eventMatches(beacon, expectation.event)) continue;
      const value = beacon.values[expectation.param];
      const wrong = judge(expectation, value, hasValue(beacon, expectation.param));
      if (wrong === undefined) continue;
      const seen = value === undefined ? 'absent' : value === '' ? 'empty' : JSON.stringify(truncate(value));
      out.push({
        message: `${expectation.param} on ${beacon.event.name} is ${seen}: ${wrong} (config expect.params).`,
        beacons: [beacon.index],
        group: {
          key: `${expectation.param}\u0000${seen}\u0000${wrong}`,
          message: `${expectation.param} is ${seen} (config expect.params: ${wrong})`,
        },
      });
    }
    return out.length > 0 ? out : undefined;
  },
});
