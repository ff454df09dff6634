import type { Beacon } from '../beacon.js';
import type { ParamRef } from '../config/config.js';
import type { ProtocolModule } from '../protocols/protocol.js';
import { placeholder } from '../redaction/redactor.js';
import { isSecretKey, secretParamKeys } from '../redaction/secret-keys.js';
import type { Difference } from './types.js';
import { describeShape, formatChange, shapeOf } from './value-shape.js';

export interface ParamContext {
  protocol: ProtocolModule;
  ignore: readonly ParamRef[];
  allowValueChange: readonly ParamRef[];
  /** The pair's fields (protocol, sessions, event, beacons) every difference carries. */
  base: Omit<Difference, 'kind' | 'message' | 'matters'>;
}

const SECRETS = secretParamKeys();

export function refersTo(refs: readonly ParamRef[], protocol: ProtocolModule, key: string): boolean {
  return refs.some((r) => r.param === key && (r.protocol === undefined || r.protocol === protocol.id));
}

/**
 * The parameter differences of two aligned beacons (same event): added, removed, changed in value
 * where the spec table says the value is stable, changed in format everywhere (a `volatile` one only
 * when both beacons carry it). A parameter the spec table does not know is compared by shape: it may
 * be a cache-buster or another per-run value.
 */
export function paramDifferences(baseline: Beacon, candidate: Beacon, ctx: ParamContext): Difference[] {
  const out: Difference[] = [];
  const { protocol } = ctx;
  const say = (kind: Difference['kind'], param: string, message: string, b?: string, c?: string) => {
    const d: Difference = {
      ...ctx.base,
      kind,
      param,
      message: `${ctx.base.event}: ${message}`,
      matters: true,
    };
    if (b !== undefined) d.baseline = shown(param, b);
    if (c !== undefined) d.candidate = shown(param, c);
    if (kind === 'value-changed' && refersTo(ctx.allowValueChange, protocol, param)) d.matters = false;
    out.push(d);
  };
  const keys = new Set([...Object.keys(baseline.values), ...Object.keys(candidate.values)]);
  for (const key of keys) {
    if (refersTo(ctx.ignore, protocol, key)) continue;
    const b = baseline.values[key];
    const c = candidate.values[key];
    const spec = protocol.paramSpec(key);
    if ((b === undefined || c === undefined) && spec?.compare === 'volatile') continue;
    if (c === undefined) {
      say('param-removed', key, `${key} removed (was ${quote(key, b!)})`, b);
      continue;
    }
    if (b === undefined) {
      say('param-added', key, `${key} added (${quote(key, c)})`, undefined, c);
      continue;
    }
    if (b === c) continue;
    const format = formatChange(b, c, spec);
    if (format) {
      say(
        'format-changed',
        key,
        `${key} changed format: ${format} (${quote(key, b)} → ${quote(key, c)})`,
        b,
        c,
      );
    } else if (spec?.compare === 'value') {
      say('value-changed', key, `${key} changed from ${quote(key, b)} to ${quote(key, c)}`, b, c);
    }
  }
  return out;
}

function shown(key: string, value: string): string {
  return isSecretKey(key, SECRETS) ? placeholder(value) : value;
}

/** A value for a message: quoted and shortened, a secret replaced, an empty one named. */
function quote(key: string, value: string): string {
  if (value === '') return describeShape(shapeOf(value));
  const v = shown(key, value);
  return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
}
