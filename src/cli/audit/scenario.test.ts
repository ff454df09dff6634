import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultScenario, describeStep, parseScenario, ScenarioError } from './scenario.js';

const fails = (value: unknown) => () => parseScenario(value);

describe('parseScenario', () => {
  it('accepts the built-in scenario and every scenario example of docs/scenario.md', () => {
    expect(parseScenario(JSON.parse(JSON.stringify(defaultScenario)))).toEqual(defaultScenario);
    const doc = readFileSync(new URL('../../../docs/scenario.md', import.meta.url), 'utf8');
    const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>)
      .filter((json) => 'steps' in json);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) expect(parseScenario(example)).toBe(example);
  });

  it('names the step and key of a mistake', () => {
    expect(fails([])).toThrow(ScenarioError);
    expect(fails({ steps: [] })).toThrow('"steps" must be a non-empty array');
    expect(fails({ steps: [{ action: 'jump' }] })).toThrow(
      'steps[0].action must be one of waitForPlayer, play',
    );
    expect(fails({ steps: [{ action: 'play' }, { action: 'seek', to: '80' }] })).toThrow(
      'steps[1].to must be seconds (a number ≥ 0) or a percentage like "80%"',
    );
    expect(fails({ steps: [{ action: 'seek', to: -1 }] })).toThrow('steps[0].to');
    expect(fails({ steps: [{ action: 'wait' }] })).toThrow(
      'steps[0]: a wait needs "seconds", "until", or both',
    );
    expect(fails({ steps: [{ action: 'click' }] })).toThrow(
      'steps[0].selector must name the element to click',
    );
    expect(fails({ steps: [{ action: 'evaluate', script: '' }] })).toThrow('steps[0].script');
    expect(fails({ steps: [{ action: 'play', exepct: [] }] })).toThrow(
      'steps[0]: unknown key "exepct" (did you mean "expect"?)',
    );
    expect(fails({ steps: [{ action: 'play', expect: [{ protocol: 'hls' }] }] })).toThrow(
      'steps[0].expect[0].protocol must be one of kava, kaltura-stats, jw',
    );
    expect(fails({ steps: [{ action: 'play', expect: [{ name: 'Seek', within: '5' }] }] })).toThrow(
      'steps[0].expect[0].within must be a number of seconds ≥ 0',
    );
    expect(fails({ steps: [{ action: 'wait', until: { name: 'View', count: 0 } }] })).toThrow(
      'steps[0].until.count must be a whole number ≥ 1',
    );
    expect(fails({ steps: [{ action: 'play', expect: [{ params: { pw: 128 } }] }] })).toThrow(
      'steps[0].expect[0].params.pw must be a string',
    );
  });

  it('describes steps for progress lines and messages', () => {
    expect(defaultScenario.steps.map(describeStep)).toEqual([
      'wait for the player',
      'play',
      'let 2 KAVA View beacons pass (at most 20 s)',
      'pause',
      'wait 3 s',
      'resume',
      'seek to 80%',
      'play to the end',
    ]);
    expect(describeStep({ action: 'seek', to: 12 })).toBe('seek to 12 s');
    expect(describeStep({ action: 'wait', until: { name: 'View', count: 2 } })).toBe('wait for 2× View');
    expect(describeStep({ action: 'click', selector: '.play' })).toBe('click .play');
    expect(describeStep({ action: 'wait', until: 'ended', seconds: 15 })).toBe('wait up to 15 s for the end');
    expect(describeStep({ action: 'wait', seconds: 9, until: { name: 'View' } })).toBe(
      'wait up to 9 s for 1× View',
    );
  });
});
