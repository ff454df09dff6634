import type { ParamFormat } from '../protocols/protocol.js';

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const ENTRY_ID = /^\d+_[0-9a-z]{8}$/i;

export function isInteger(value: string): boolean {
  return INTEGER.test(value);
}

export function isNumber(value: string): boolean {
  return NUMBER.test(value);
}

/**
 * A Unix time in seconds (10 digits) or milliseconds (13 digits), possibly with a fraction.
 * Returns epoch ms, or undefined when the value is no such time.
 */
export function unixTimeMs(value: string): number | undefined {
  if (!NUMBER.test(value)) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const digits = Math.floor(n).toString().length;
  if (digits >= 9 && digits <= 10) return n * 1000;
  if (digits >= 12 && digits <= 13) return n;
  return undefined;
}

/** Checks a value against a spec format; returns what is wrong, or undefined when it is fine. */
export function checkFormat(
  format: ParamFormat,
  value: string,
  values?: readonly string[],
): string | undefined {
  switch (format) {
    case 'string':
    case 'url':
      return undefined;
    case 'integer':
      return isInteger(value) ? undefined : 'not an integer';
    case 'number':
      return isNumber(value) ? undefined : 'not a number';
    case 'timestamp-s-or-ms':
      return unixTimeMs(value) !== undefined ? undefined : 'not a Unix time in seconds or milliseconds';
    case 'timestamp-ms':
      return /^\d{13}$/.test(value) ? undefined : 'not a Unix time in milliseconds (13 digits)';
    case 'enum':
      return !values || values.includes(value) ? undefined : `not one of ${values.join(', ')}`;
    case 'entry-id':
      return ENTRY_ID.test(value) ? undefined : 'not an entry id like 0_abcd1234';
    case 'boolean-01':
      return value === '0' || value === '1' ? undefined : 'not 0 or 1';
  }
}
