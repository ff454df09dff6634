import type { ProtocolModule } from '../protocols/protocol.js';
import { defaultProtocols } from '../protocols/registry.js';
import { genericRules } from '../rules/generic-rules.js';
import { truthRules } from '../truth/rules/index.js';
import type { Config, DiffConfig, EventExpectation, EventRef, ParamExpectation, ParamRef } from './config.js';
import { linearPattern, PatternError } from './linear-pattern.js';

/** A config that cannot be used; the message names the file and key path, on one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    /** Every problem found, each `<name>: <path>: <what>`. */
    readonly problems: string[] = [message],
  ) {
    super(message);
  }
}

export interface ValidateConfigOptions {
  /** Prefix of messages: the file name (default `config`). */
  name?: string;
  protocols?: readonly ProtocolModule[];
}

const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;

/** Every rule id the engine knows: the generic ones and each protocol's. */
export function knownRuleIds(protocols: readonly ProtocolModule[] = defaultProtocols): string[] {
  return [
    ...new Set([...genericRules, ...truthRules, ...protocols.flatMap((p) => p.rules)].map((r) => r.id)),
  ];
}

/** Parses and validates a config file's text. */
export function parseConfig(text: string, options: ValidateConfigOptions = {}): Config {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`${options.name ?? 'config'}: not valid JSON (${why})`);
  }
  return validateConfig(json, options);
}

/**
 * Checks parsed JSON against the `Config` shape: unknown keys, wrong types, unknown rule ids, bad
 * severities, bad regular expressions. Throws a `ConfigError` naming the first problem's key path.
 */
export function validateConfig(json: unknown, options: ValidateConfigOptions = {}): Config {
  const name = options.name ?? 'config';
  const protocols = options.protocols ?? defaultProtocols;
  const problems: string[] = [];
  const fail = (path: string, what: string) => problems.push(`${name}: ${path}: ${what}`);
  const config = new Checker(fail, protocols).config(json);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new ConfigError(`${problems[0]}${more}`, problems);
  }
  return config;
}

type Fail = (path: string, what: string) => void;

class Checker {
  private readonly ruleIds: string[];

  constructor(
    private readonly fail: Fail,
    private readonly protocols: readonly ProtocolModule[],
  ) {
    this.ruleIds = knownRuleIds(protocols);
  }

  config(json: unknown): Config {
    const root = this.object(json, '(root)', [
      '$schema',
      'rules',
      'expect',
      'kava',
      'jw',
      'truth',
      'capture',
      'diff',
    ]);
    if (!root) return {};
    const config: Config = {};
    if (root.rules !== undefined) config.rules = this.rules(root.rules);
    if (root.expect !== undefined) {
      const expect = this.object(root.expect, 'expect', ['params', 'events']);
      if (expect) {
        config.expect = {};
        if (expect.params !== undefined) {
          config.expect.params = this.array(expect.params, 'expect.params', (v, p) =>
            this.paramExpectation(v, p),
          );
        }
        if (expect.events !== undefined) {
          config.expect.events = this.array(expect.events, 'expect.events', (v, p) =>
            this.eventExpectation(v, p),
          );
        }
      }
    }
    if (root.kava !== undefined) {
      const kava = this.numbers(root.kava, 'kava', {
        viewIntervalSeconds: 'positive',
        viewIntervalTolerance: 'non-negative',
        sessionResetSeconds: 'positive',
      });
      if (kava) config.kava = kava;
    }
    if (root.jw !== undefined) {
      const jw = this.numbers(root.jw, 'jw', {
        pingIntervalTolerance: 'non-negative',
        livePingIntervalSeconds: 'positive',
      });
      if (jw) config.jw = jw;
    }
    if (root.truth !== undefined) {
      const truth = this.numbers(root.truth, 'truth', {
        eventToleranceSeconds: 'non-negative',
        playheadToleranceSeconds: 'non-negative',
        watchedToleranceSeconds: 'non-negative',
        quartileToleranceSeconds: 'non-negative',
        minPlayedSeconds: 'non-negative',
      });
      if (truth) config.truth = truth;
    }
    if (root.capture !== undefined) {
      const capture = this.object(root.capture, 'capture', ['customCollectors']);
      if (capture?.customCollectors !== undefined) {
        const list = this.array(capture.customCollectors, 'capture.customCollectors', (v, p) =>
          typeof v === 'string' && v !== '' ? v : this.wrong(p, 'a non-empty string', v),
        );
        config.capture = { customCollectors: list };
      } else if (capture) config.capture = {};
    }
    if (root.diff !== undefined) {
      const diff = this.diff(root.diff);
      if (diff) config.diff = diff;
    }
    return config;
  }

  private diff(json: unknown): DiffConfig | undefined {
    const o = this.object(json, 'diff', [
      'ignoreParams',
      'allowValueChange',
      'ignoreEvents',
      'ignoreRules',
      'timingTolerance',
      'findingSeverity',
    ]);
    if (!o) return undefined;
    const out: DiffConfig = {};
    for (const key of ['ignoreParams', 'allowValueChange'] as const) {
      if (o[key] !== undefined) out[key] = this.array(o[key], `diff.${key}`, (v, p) => this.paramRef(v, p));
    }
    if (o.ignoreEvents !== undefined) {
      out.ignoreEvents = this.array(o.ignoreEvents, 'diff.ignoreEvents', (v, p) => this.eventRef(v, p));
    }
    if (o.ignoreRules !== undefined) {
      out.ignoreRules = this.array(o.ignoreRules, 'diff.ignoreRules', (v, p) => {
        if (typeof v === 'string' && this.ruleIds.includes(v)) return v;
        if (typeof v === 'string') this.fail(p, `unknown rule id${didYouMean(v, this.ruleIds)}`);
        else this.wrong(p, 'a rule id', v);
        return undefined;
      });
    }
    const tolerance = this.numbers({ timingTolerance: o.timingTolerance }, 'diff', {
      timingTolerance: 'non-negative',
    });
    if (tolerance?.timingTolerance !== undefined) out.timingTolerance = tolerance.timingTolerance;
    if (o.findingSeverity !== undefined) {
      const severities = SEVERITIES.filter((s) => s !== 'off');
      if (typeof o.findingSeverity === 'string' && (severities as string[]).includes(o.findingSeverity)) {
        out.findingSeverity = o.findingSeverity as NonNullable<DiffConfig['findingSeverity']>;
      } else {
        this.wrong(
          'diff.findingSeverity',
          `one of ${severities.map((s) => `"${s}"`).join(', ')}`,
          o.findingSeverity,
        );
      }
    }
    return out;
  }

  private paramRef(json: unknown, path: string): ParamRef | undefined {
    const o = this.object(json, path, ['protocol', 'param']);
    if (!o) return undefined;
    const param = this.string(o.param, `${path}.param`, true);
    const protocol = o.protocol === undefined ? undefined : this.protocol(o.protocol, `${path}.protocol`);
    if (param === undefined || (o.protocol !== undefined && !protocol)) return undefined;
    return protocol ? { protocol: protocol.id, param } : { param };
  }

  private eventRef(json: unknown, path: string): EventRef | undefined {
    const o = this.object(json, path, ['protocol', 'event']);
    if (!o) return undefined;
    if (o.protocol === undefined) this.fail(`${path}.protocol`, 'missing (one of kava, kaltura-stats, jw)');
    if (o.event === undefined) this.fail(`${path}.event`, 'missing (an event code or name)');
    const protocol = o.protocol === undefined ? undefined : this.protocol(o.protocol, `${path}.protocol`);
    const event = o.event === undefined ? undefined : this.event(o.event, `${path}.event`, protocol);
    return protocol && event !== undefined ? { protocol: protocol.id, event } : undefined;
  }

  private rules(json: unknown): Config['rules'] {
    const rules = this.object(json, 'rules');
    const out: NonNullable<Config['rules']> = {};
    if (!rules) return out;
    for (const [id, value] of Object.entries(rules)) {
      const path = `rules[${JSON.stringify(id)}]`;
      if (!this.ruleIds.includes(id)) {
        this.fail(path, `unknown rule id${didYouMean(id, this.ruleIds)}`);
        continue;
      }
      if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) {
        out[id] = value as (typeof SEVERITIES)[number];
      } else this.wrong(path, `one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}`, value);
    }
    return out;
  }

  private paramExpectation(json: unknown, path: string): ParamExpectation | undefined {
    const o = this.object(json, path, ['protocol', 'event', 'param', 'equals', 'matches', 'present']);
    if (!o) return undefined;
    const param = this.string(o.param, `${path}.param`, true);
    if (param === undefined) return undefined;
    const out: ParamExpectation = { param };
    const protocol = o.protocol === undefined ? undefined : this.protocol(o.protocol, `${path}.protocol`);
    if (protocol) out.protocol = protocol.id;
    if (o.event !== undefined) {
      const event = this.event(o.event, `${path}.event`, protocol);
      if (event !== undefined) out.event = event;
    }
    if (o.equals !== undefined) {
      // `"equals": 1234` is what people write for a partner id: accepted as the text "1234".
      if (typeof o.equals === 'number' && Number.isFinite(o.equals)) out.equals = String(o.equals);
      else {
        const equals = this.string(o.equals, `${path}.equals`, false);
        if (equals !== undefined) out.equals = equals;
      }
    }
    if (o.matches !== undefined) {
      const matches = this.string(o.matches, `${path}.matches`, true);
      if (matches !== undefined) {
        try {
          new RegExp(matches);
          linearPattern(matches);
          out.matches = matches;
        } catch (error) {
          if (error instanceof PatternError) {
            this.fail(
              `${path}.matches`,
              `${JSON.stringify(matches)} uses ${error.message}, which Player Inspector does not run (patterns run in time linear in the value, so that no captured value can hang validation)`,
            );
          } else {
            const why =
              error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
            this.fail(`${path}.matches`, `invalid regular expression (${why})`);
          }
        }
      }
    }
    if (o.present !== undefined) {
      if (typeof o.present === 'boolean') out.present = o.present;
      else this.wrong(`${path}.present`, 'true or false', o.present);
    }
    return out;
  }

  private eventExpectation(json: unknown, path: string): EventExpectation | undefined {
    const o = this.object(json, path, ['protocol', 'event', 'min']);
    if (!o) return undefined;
    if (o.protocol === undefined) this.fail(`${path}.protocol`, 'missing (one of kava, kaltura-stats, jw)');
    if (o.event === undefined) this.fail(`${path}.event`, 'missing (an event code or name)');
    const protocol = o.protocol === undefined ? undefined : this.protocol(o.protocol, `${path}.protocol`);
    const event = o.event === undefined ? undefined : this.event(o.event, `${path}.event`, protocol);
    if (!protocol || event === undefined) return undefined;
    const out: EventExpectation = { protocol: protocol.id, event };
    if (o.min !== undefined) {
      if (typeof o.min === 'number' && Number.isInteger(o.min) && o.min >= 0) out.min = o.min;
      else this.wrong(`${path}.min`, 'a whole number ≥ 0', o.min);
    }
    return out;
  }

  private protocol(json: unknown, path: string): ProtocolModule | undefined {
    const ids = this.protocols.map((p) => p.id);
    const found = this.protocols.find((p) => p.id === json);
    if (!found) {
      const hint = typeof json === 'string' ? didYouMean(json, ids) : '';
      this.fail(path, `expected one of ${ids.join(', ')}, got ${show(json)}${hint}`);
    }
    return found;
  }

  /** An event code or name; checked against the protocol's table when one is given. */
  private event(json: unknown, path: string, protocol: ProtocolModule | undefined): string | undefined {
    if (typeof json === 'number' && Number.isInteger(json)) json = String(json);
    const event = this.string(json, path, true);
    if (event === undefined || !protocol || protocol.spec.events.length === 0) return event;
    const names = protocol.spec.events.flatMap((e) => [e.code, e.name]);
    if (names.some((n) => n.toLowerCase() === event.toLowerCase())) return event;
    this.fail(path, `not an event of ${protocol.id}${didYouMean(event, names)}`);
    return undefined;
  }

  private numbers<K extends string>(
    json: unknown,
    path: string,
    keys: Record<K, 'positive' | 'non-negative'>,
  ): Partial<Record<K, number>> | undefined {
    const o = this.object(json, path, Object.keys(keys));
    if (!o) return undefined;
    const out: Partial<Record<K, number>> = {};
    for (const key of Object.keys(keys) as K[]) {
      const v = o[key];
      if (v === undefined) continue;
      const kind = keys[key];
      const ok = typeof v === 'number' && Number.isFinite(v) && (kind === 'positive' ? v > 0 : v >= 0);
      if (ok) out[key] = v;
      else this.wrong(`${path}.${key}`, `a ${kind} number of seconds`, v);
    }
    return out;
  }

  private object(
    json: unknown,
    path: string,
    allowed?: readonly string[],
  ): Record<string, unknown> | undefined {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      this.wrong(path, 'an object', json);
      return undefined;
    }
    const o = json as Record<string, unknown>;
    if (allowed) {
      for (const key of Object.keys(o)) {
        if (!allowed.includes(key)) {
          this.fail(path === '(root)' ? key : `${path}.${key}`, `unknown key${didYouMean(key, allowed)}`);
        }
      }
    }
    return o;
  }

  private array<T>(json: unknown, path: string, item: (v: unknown, path: string) => T | undefined): T[] {
    if (!Array.isArray(json)) {
      this.wrong(path, 'an array', json);
      return [];
    }
    const out: T[] = [];
    json.forEach((v, i) => {
      const checked = item(v, `${path}[${i}]`);
      if (checked !== undefined) out.push(checked);
    });
    return out;
  }

  private string(json: unknown, path: string, nonEmpty: boolean): string | undefined {
    if (json === undefined) {
      this.fail(path, 'missing');
      return undefined;
    }
    if (typeof json === 'string' && (!nonEmpty || json !== '')) return json;
    this.wrong(path, nonEmpty ? 'a non-empty string' : 'a string', json);
    return undefined;
  }

  private wrong(path: string, expected: string, got: unknown): undefined {
    this.fail(path, `expected ${expected}, got ${show(got)}`);
    return undefined;
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** ` (did you mean "x"?)` for the closest candidate within a few edits, else ''. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const c of candidates) {
    const [a, b] = [input.toLowerCase(), c.toLowerCase()];
    // A shortened key (`viewInterval` for `viewIntervalSeconds`) counts as a near miss.
    const d = a.length >= 4 && b.startsWith(a) ? 1 : editDistance(a, b);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean ${JSON.stringify(best)}?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = row;
  }
  return previous[b.length]!;
}
