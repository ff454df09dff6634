import { safeDecode } from '../params/parse-params.js';
import type { ProtocolModule } from '../protocols/protocol.js';
import { defaultProtocols } from '../protocols/registry.js';

/**
 * Parameter names that carry credentials whatever the protocol, compared after `normalKey` (lower case,
 * without `-` and `_`): `api_key`, `apiKey` and `API-KEY` are all `apikey`.
 */
export const GENERIC_SECRET_KEYS: readonly string[] = [
  'ks',
  'token',
  'accesstoken',
  'idtoken',
  'refreshtoken',
  'authtoken',
  'sessiontoken',
  'auth',
  'authorization',
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'apikey',
];

/** Request headers whose whole value is a credential (compared in lower case). */
export const SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-kaltura-session',
  'x-api-key',
  'x-auth-token',
];

/** The generic list plus every parameter a protocol's spec table marks `secret: true`. */
export function secretParamKeys(protocols: readonly ProtocolModule[] = defaultProtocols): Set<string> {
  const keys = new Set(GENERIC_SECRET_KEYS);
  for (const p of protocols)
    for (const param of p.spec.params) if (param.secret) keys.add(normalKey(param.key));
  return keys;
}

function normalKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/**
 * Whether a parameter name, as on the wire, names a secret: percent-decoded (twice at most, so `k%2573`
 * counts), case-insensitive, and also its last part inside a wrapper, so `event:KS`, `event[ks]`,
 * `event%3Aks` and `data[user][password]` count as their secret.
 */
export function isSecretKey(wireKey: string, secrets: ReadonlySet<string>): boolean {
  let key = wireKey.trim();
  for (let i = 0; i < 2 && key.includes('%'); i++) key = safeDecode(key) ?? key;
  const whole = normalKey(key);
  if (secrets.has(whole)) return true;
  const parts = whole.split(/[:[\]]+/).filter(Boolean);
  const last = parts[parts.length - 1];
  return last !== undefined && last !== whole && secrets.has(last);
}

/** Whether a request header's value is a credential: a listed header, or one named like a secret key. */
export function isSecretHeader(name: string, secrets: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.includes(lower) || isSecretKey(lower.replace(/^x-/, ''), secrets);
}
