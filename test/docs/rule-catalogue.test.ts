import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultProtocols } from '../../src/core/protocols/registry.js';
import { genericRules } from '../../src/core/rules/generic-rules.js';
import { truthRules } from '../../src/core/truth/rules/index.js';

// The rule ids of the catalogue the project was specified with (shared/specs/rules.md): all stable.
const SPECIFIED_IDS =
  `beacon/http-error beacon/malformed beacon/duplicate beacon/suspicious-value session/mixed-ids
kava/unknown-event-type kava/missing-required kava/missing-doc-field kava/invalid-value kava/event-index-sequence
kava/session-reset kava/order kava/quartile-repeated kava/position-not-zero kava/view-interval
kava/buffer-time-range kava/session-start-time kava/kalsig-mismatch stats/unknown-event-type
stats/missing-required stats/invalid-value stats/order stats/seek-fields jw/unknown-event jw/wrong-endpoint
jw/missing-required jw/missing-doc-field jw/invalid-value jw/quantile-mismatch jw/order jw/ping-interval
jw/constant-changed jw/empty-value expect/param-value expect/event-missing`.split(/\s+/);

describe('rule catalogue', () => {
  const implemented = [...genericRules, ...truthRules, ...defaultProtocols.flatMap((p) => p.rules)];

  it('implements every specified rule id, and no id twice', () => {
    const ids = implemented.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(SPECIFIED_IDS.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('gives every rule a title and an explanation', () => {
    for (const rule of implemented) {
      expect(rule.title.length, rule.id).toBeGreaterThan(3);
      expect(rule.explanation.length, rule.id).toBeGreaterThan(40);
    }
  });

  it('is documented up to date in README.md and docs/rules.md', () => {
    // Reads the compiled lib/ (the test command builds it first).
    expect(() =>
      execFileSync('node', ['scripts/rule-catalogue.mjs', '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
