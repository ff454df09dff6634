import { didYouMean } from '../../core/config/validate-config.js';
import type { EventMatch } from '../api/event-match.js';

/**
 * An audit scenario: steps that drive the page's player through its `<video>` element (or the element a
 * `selector` names), each optionally followed by beacons that must arrive. Documented in docs/scenario.md,
 * with a JSON schema in docs/scenario.schema.json.
 */
export interface Scenario {
  name?: string;
  /** CSS selector of the player's `<video>` (or an element that contains it); default `video`. */
  selector?: string;
  steps: Step[];
}

/** A beacon that must follow a step. */
export interface Expectation extends EventMatch {
  /** At least this many (default 1). */
  count?: number;
  /** Seconds to wait for it after the step (default 10). */
  within?: number;
}

interface StepBase {
  /** Shown in progress lines and messages; defaults to a description of the step. */
  name?: string;
  /** Overrides the scenario's selector for this step. */
  selector?: string;
  expect?: Expectation[];
}

export type Step =
  | (StepBase & { action: 'waitForPlayer'; timeout?: number })
  | (StepBase & { action: 'play' })
  | (StepBase & { action: 'pause' })
  | (StepBase & { action: 'seek'; to: number | string })
  | (StepBase & { action: 'wait'; seconds?: number; until?: WaitCondition; timeout?: number })
  | (StepBase & { action: 'click'; selector: string })
  | (StepBase & { action: 'evaluate'; script: string });

/** `"ended"`: the video played to its end; otherwise beacons (with `count`, default 1). */
export type WaitCondition = 'ended' | (EventMatch & { count?: number });

export type StepAction = Step['action'];

/**
 * The built-in scenario: wait for the player, play, let 2 View beacons pass (about 20 s when the page
 * sends no KAVA), pause 3 s, resume, seek to 80 %, play to the end.
 */
export const defaultScenario: Scenario = {
  name: 'default',
  steps: [
    { action: 'waitForPlayer' },
    { action: 'play' },
    {
      action: 'wait',
      name: 'let 2 KAVA View beacons pass (at most 20 s)',
      seconds: 20,
      until: { protocol: 'kava', name: 'View', count: 2 },
    },
    { action: 'pause' },
    { action: 'wait', seconds: 3 },
    { action: 'play', name: 'resume' },
    { action: 'seek', to: '80%' },
    { action: 'wait', until: 'ended' },
  ],
};

export class ScenarioError extends Error {}

const ACTIONS: readonly StepAction[] = [
  'waitForPlayer',
  'play',
  'pause',
  'seek',
  'wait',
  'click',
  'evaluate',
];
const COMMON_KEYS = ['action', 'name', 'selector', 'expect'];
/** Keys each action takes besides the common ones: a misspelt `expect` must not pass silently. */
const ACTION_KEYS: Record<StepAction, readonly string[]> = {
  waitForPlayer: ['timeout'],
  play: [],
  pause: [],
  seek: ['to'],
  wait: ['seconds', 'until', 'timeout'],
  click: [],
  evaluate: ['script'],
};
const MATCH_KEYS = ['protocol', 'name', 'params', 'count'];
const PROTOCOLS = ['kava', 'kaltura-stats', 'jw'];

/** Checks a parsed scenario file; a problem is a `ScenarioError` naming the step and key. */
export function parseScenario(value: unknown): Scenario {
  if (!isObject(value)) throw new ScenarioError('a scenario must be a JSON object with a "steps" array');
  if (!Array.isArray(value.steps) || value.steps.length === 0) {
    throw new ScenarioError('"steps" must be a non-empty array');
  }
  unknownKeys(value, ['$schema', 'name', 'selector', 'steps'], 'scenario');
  optionalString(value, 'name', 'scenario');
  optionalString(value, 'selector', 'scenario');
  for (const [i, step] of value.steps.entries()) checkStep(step, `steps[${i}]`);
  return value as unknown as Scenario;
}

function checkStep(step: unknown, at: string): void {
  if (!isObject(step)) throw new ScenarioError(`${at} must be an object with an "action"`);
  const action = step.action;
  if (typeof action !== 'string' || !ACTIONS.includes(action as StepAction)) {
    throw new ScenarioError(`${at}.action must be one of ${ACTIONS.join(', ')}`);
  }
  unknownKeys(step, [...COMMON_KEYS, ...ACTION_KEYS[action as StepAction]], at);
  optionalString(step, 'name', at);
  optionalString(step, 'selector', at);
  switch (action) {
    case 'seek':
      if (!isSeekTarget(step.to)) {
        throw new ScenarioError(`${at}.to must be seconds (a number ≥ 0) or a percentage like "80%"`);
      }
      break;
    case 'wait':
      if (step.seconds === undefined && step.until === undefined) {
        throw new ScenarioError(`${at}: a wait needs "seconds", "until", or both`);
      }
      optionalSeconds(step, 'seconds', at);
      optionalSeconds(step, 'timeout', at);
      if (step.until !== undefined && step.until !== 'ended') checkMatch(step.until, `${at}.until`);
      break;
    case 'waitForPlayer':
      optionalSeconds(step, 'timeout', at);
      break;
    case 'click':
      if (typeof step.selector !== 'string' || !step.selector) {
        throw new ScenarioError(`${at}.selector must name the element to click`);
      }
      break;
    case 'evaluate':
      if (typeof step.script !== 'string' || !step.script) {
        throw new ScenarioError(`${at}.script must be JavaScript to run in the page`);
      }
      break;
  }
  if (step.expect !== undefined) {
    if (!Array.isArray(step.expect)) throw new ScenarioError(`${at}.expect must be an array of events`);
    step.expect.forEach((e, j) => {
      checkMatch(e, `${at}.expect[${j}]`, ['within']);
      optionalSeconds(e as Record<string, unknown>, 'within', `${at}.expect[${j}]`);
    });
  }
}

function checkMatch(value: unknown, at: string, extraKeys: readonly string[] = []): void {
  if (!isObject(value)) {
    throw new ScenarioError(`${at} must be an object like { "protocol": "kava", "name": "Seek" } or "ended"`);
  }
  unknownKeys(value, [...MATCH_KEYS, ...extraKeys], at);
  if (value.protocol !== undefined && !PROTOCOLS.includes(value.protocol as string)) {
    throw new ScenarioError(`${at}.protocol must be one of ${PROTOCOLS.join(', ')}`);
  }
  optionalString(value, 'name', at);
  if (value.count !== undefined && !(Number.isInteger(value.count) && (value.count as number) >= 1)) {
    throw new ScenarioError(`${at}.count must be a whole number ≥ 1`);
  }
  if (value.params !== undefined) {
    if (!isObject(value.params)) throw new ScenarioError(`${at}.params must be an object`);
    for (const [key, want] of Object.entries(value.params)) {
      if (typeof want !== 'string' && typeof want !== 'boolean') {
        throw new ScenarioError(
          `${at}.params.${key} must be a string (exact value) or true/false (present/absent)`,
        );
      }
    }
  }
}

export function isSeekTarget(to: unknown): to is number | string {
  if (typeof to === 'number') return Number.isFinite(to) && to >= 0;
  return typeof to === 'string' && /^\d+(\.\d+)?%$/.test(to) && Number.parseFloat(to) <= 100;
}

function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[], at: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      throw new ScenarioError(`${at}: unknown key "${key}"${didYouMean(key, allowed)}`);
    }
  }
}

function optionalString(obj: Record<string, unknown>, key: string, at: string): void {
  if (obj[key] !== undefined && typeof obj[key] !== 'string')
    throw new ScenarioError(`${at}.${key} must be a string`);
}

function optionalSeconds(obj: Record<string, unknown>, key: string, at: string): void {
  const v = obj[key];
  if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
    throw new ScenarioError(`${at}.${key} must be a number of seconds ≥ 0`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "seek to 80%", "click #play", for progress lines. */
export function describeStep(step: Step): string {
  if (step.name) return step.name;
  switch (step.action) {
    case 'waitForPlayer':
      return 'wait for the player';
    case 'seek':
      return `seek to ${typeof step.to === 'number' ? `${step.to} s` : step.to}`;
    case 'wait':
      if (step.until) {
        const what =
          step.until === 'ended' ? 'the end' : `${step.until.count ?? 1}× ${step.until.name ?? 'beacon'}`;
        if (step.seconds !== undefined) return `wait up to ${step.seconds} s for ${what}`;
        return step.until === 'ended' ? 'play to the end' : `wait for ${what}`;
      }
      return `wait ${step.seconds} s`;
    case 'click':
      return `click ${step.selector}`;
    case 'evaluate':
      return 'evaluate script';
    default:
      return step.action;
  }
}
