/**
 * Tolerant parsing of query strings and form-encoded bodies. Nothing is dropped: a pair whose
 * percent-encoding is broken keeps its raw text and says why.
 */
export interface RawParam {
  /** Key decoded once. */
  key: string;
  /** Key exactly as on the wire. */
  rawKey: string;
  /** Value decoded once ('+' is a space, as in forms). */
  value: string;
  /** Value exactly as on the wire. */
  raw: string;
  decodeError?: string;
}

const NEEDS_DECODING = /[%+]/;

/** Decodes one component; returns undefined when the percent-encoding is invalid. */
export function safeDecode(text: string): string | undefined {
  if (!NEEDS_DECODING.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Splits `a=1&b=2` (a leading `?` is ignored). Empty pairs (`&&`) are skipped. */
export function parseParams(text: string): RawParam[] {
  const out: RawParam[] = [];
  if (text.length === 0) return out;
  const start = text.charCodeAt(0) === 63 /* ? */ ? 1 : 0;
  let pos = start;
  while (pos <= text.length) {
    let amp = text.indexOf('&', pos);
    if (amp === -1) amp = text.length;
    if (amp > pos) {
      const pair = text.slice(pos, amp);
      const eq = pair.indexOf('=');
      const rawKey = eq === -1 ? pair : pair.slice(0, eq);
      const raw = eq === -1 ? '' : pair.slice(eq + 1);
      const key = safeDecode(rawKey);
      const value = safeDecode(raw);
      const param: RawParam = { key: key ?? rawKey, rawKey, value: value ?? raw, raw };
      if (key === undefined || value === undefined) {
        param.decodeError = `invalid percent-encoding in ${key === undefined ? 'name' : 'value'} "${truncate(key === undefined ? rawKey : raw)}"`;
      }
      out.push(param);
    }
    pos = amp + 1;
  }
  return out;
}

/** Decodes a value once more when it still looks percent-encoded (double-encoded referrers). */
export function decodeForDisplay(value: string): string | undefined {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return undefined;
  return safeDecode(value);
}

export function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
