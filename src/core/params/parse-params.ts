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

/** Decodes one component; returns undefined when the percent-encoding is invalid. */
export function safeDecode(text: string): string | undefined {
  // Most components need no decoding: two scans beat a regular expression here (hot path).
  const plus = text.indexOf('+');
  if (plus === -1 && text.indexOf('%') === -1) return text;
  try {
    return decodeURIComponent(plus === -1 ? text : text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Calls `visit` for each pair of `a=1&b=2` (a leading `?` is ignored; empty pairs `&&` are skipped),
 * without building an object per pair: the decoders build their own.
 */
export function forEachParam(
  text: string,
  visit: (key: string, rawKey: string, value: string, raw: string, decodeError: string | undefined) => void,
): void {
  const end = text.length;
  let pos = end > 0 && text.charCodeAt(0) === 63 /* ? */ ? 1 : 0;
  while (pos < end) {
    let amp = text.indexOf('&', pos);
    if (amp === -1) amp = end;
    if (amp > pos) {
      let eq = text.indexOf('=', pos);
      if (eq === -1 || eq > amp) eq = amp;
      const rawKey = text.slice(pos, eq);
      const raw = eq === amp ? '' : text.slice(eq + 1, amp);
      const key = safeDecode(rawKey);
      const value = safeDecode(raw);
      if (key !== undefined && value !== undefined) visit(key, rawKey, value, raw, undefined);
      else {
        const where = key === undefined ? `name "${truncate(rawKey)}"` : `value "${truncate(raw)}"`;
        visit(key ?? rawKey, rawKey, value ?? raw, raw, `invalid percent-encoding in ${where}`);
      }
    }
    pos = amp + 1;
  }
}

/** Splits `a=1&b=2` (a leading `?` is ignored). Empty pairs (`&&`) are skipped. */
export function parseParams(text: string): RawParam[] {
  const out: RawParam[] = [];
  forEachParam(text, (key, rawKey, value, raw, decodeError) => {
    out.push(
      decodeError === undefined ? { key, rawKey, value, raw } : { key, rawKey, value, raw, decodeError },
    );
  });
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
