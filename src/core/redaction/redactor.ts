import md5 from 'blueimp-md5';
import type { DecodedParam } from '../beacon.js';
import { bodyText } from '../capture/body-text.js';
import type { CapturedRequest, Header, RequestBody } from '../capture/captured-request.js';
import { safeDecode } from '../params/parse-params.js';
import { isSecretHeader, isSecretKey, secretParamKeys } from './secret-keys.js';

export const REDACTED = 'REDACTED';

/** The secret values one redaction replaced, so free text about the same request can be scrubbed too. */
export type Found = Set<string>;

const PLACEHOLDER = /^REDACTED(?::[0-9a-f]{4}:upto\d+)?$/;

/**
 * What replaces a secret: `REDACTED:4f2a:upto128`, a fingerprint (md5 of the value, percent-decoded)
 * and the power of two its length does not exceed. Two beacons sharing a secret show the same text;
 * the secret itself is gone. URL-safe, so a redacted HAR still imports and validates.
 */
export function placeholder(value: string): string {
  return known(value).placeholder;
}

interface KnownSecret {
  placeholder: string;
  /** The forms text quotes the value in: as is, percent-encoded once or twice, JSON-escaped. */
  forms: readonly string[];
}

/** A capture repeats its few secrets on every beacon: each is hashed and encoded once (bounded). */
const knownSecrets = new Map<string, KnownSecret>();
const MAX_KNOWN = 4096;

function known(value: string): KnownSecret {
  let k = knownSecrets.get(value);
  if (!k) {
    const meaning = decodeDeep(value);
    let upTo = 8;
    while (upTo < meaning.length) upTo *= 2;
    k = { placeholder: `${REDACTED}:${md5(meaning).slice(0, 4)}:upto${upTo}`, forms: [...forms(value)] };
    if (knownSecrets.size >= MAX_KNOWN) knownSecrets.clear();
    knownSecrets.set(value, k);
  }
  return k;
}

function decodeDeep(text: string): string {
  let out = text;
  for (let i = 0; i < 3 && out.includes('%'); i++) {
    try {
      out = decodeURIComponent(out);
    } catch {
      break;
    }
  }
  return out;
}

/** `scheme://…` up to a space, quote or angle bracket: a URL quoted in free text. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
/** `key=value` in free text (an error message, a text body, a fragment). */
const PAIR_IN_TEXT = /([^\s&?#;=,"'<>/\\]+)=([^\s&#;,"'<>]*)/g;
/** `"key": "value"` in text that is JSON-like but did not parse. */
const JSON_PAIR = /"((?:[^"\\\n]|\\.){1,100})"(\s*:\s*)"((?:[^"\\\n]|\\.)*)"/g;
/** Below this length a known value is only searched for quoted: shorter ones match ordinary words. */
const MIN_SEARCHED = 8;
/** A value quoted truncated (`truncate()` keeps 60 characters) is found by a head this long. */
const HEAD = 16;
/** Nested encodings (a referrer inside a referrer) are followed this deep. */
const MAX_DEPTH = 3;
/** JSON bodies nested deeper are left to the text pass. */
const MAX_JSON_DEPTH = 64;

/**
 * The one redaction of Player Inspector: every export and report gets its captured text through here.
 * Secrets are the values of secret keys (see `secret-keys.ts`) wherever they sit: query, fragment,
 * path segment (`…/ks/XYZ/…`), form, JSON and multipart bodies, URLs inside values (encoded once or
 * twice), credential headers, and free text quoting any of these. Safe to share: it only caches.
 */
export class Redactor {
  /** Keys repeat on every beacon: each distinct one is judged once (bounded, hostile keys are many). */
  private readonly judged = new Map<string, boolean>();

  constructor(readonly keys: ReadonlySet<string> = secretParamKeys()) {}

  isSecretKey(key: string): boolean {
    let secret = this.judged.get(key);
    if (secret === undefined) {
      secret = isSecretKey(key, this.keys);
      if (this.judged.size >= MAX_KNOWN) this.judged.clear();
      this.judged.set(key, secret);
    }
    return secret;
  }

  /** The placeholder for a secret value (empty values and placeholders stay as they are). */
  secret(value: string, found?: Found, raw?: string): string {
    if (value === '' || PLACEHOLDER.test(value)) return value;
    found?.add(value);
    if (raw !== undefined && raw !== value) found?.add(raw);
    return placeholder(value);
  }

  /** A URL with every secret replaced: userinfo password, path segment after a secret key, query, fragment. */
  url(url: string, found?: Found): string {
    const hash = url.indexOf('#');
    const beforeHash = hash === -1 ? url : url.slice(0, hash);
    const q = beforeHash.indexOf('?');
    const base = q === -1 ? beforeHash : beforeHash.slice(0, q);
    let out = this.urlBase(base, found);
    if (q !== -1) out += `?${this.params(beforeHash.slice(q + 1), found)}`;
    if (hash !== -1) out += `#${this.fragment(url.slice(hash + 1), found)}`;
    return out;
  }

  private urlBase(base: string, found?: Found): string {
    const authority = /^([a-z][a-z0-9+.-]*:\/\/)([^/]*)/i.exec(base);
    let head = '';
    let path = base;
    if (authority) {
      const [whole, scheme, host] = authority as unknown as [string, string, string];
      const at = host.lastIndexOf('@');
      const colon = at === -1 ? -1 : host.indexOf(':');
      head =
        colon !== -1 && colon < at
          ? `${scheme}${host.slice(0, colon + 1)}${this.secret(host.slice(colon + 1, at), found)}${host.slice(at)}`
          : whole;
      path = base.slice(whole.length);
    }
    const segments = path.split('/');
    for (let i = 0; i < segments.length - 1; i++) {
      const key = segments[i] as string;
      if (key !== '' && this.isSecretKey(key)) {
        const raw = segments[i + 1] as string;
        segments[i + 1] = this.secret(safeDecode(raw) ?? raw, found, raw);
        i += 1;
      }
    }
    return head + segments.join('/');
  }

  /** A fragment: `#ks=…&a=b`, or a route with a query (`#/watch?ks=…`). */
  private fragment(fragment: string, found?: Found): string {
    const q = fragment.indexOf('?');
    if (q !== -1) return `${fragment.slice(0, q + 1)}${this.params(fragment.slice(q + 1), found)}`;
    return fragment.includes('=') ? this.params(fragment, found) : fragment;
  }

  /** A query string or form body: secret pairs replaced, other values searched for nested secrets. */
  params(text: string, found?: Found): string {
    if (!text.includes('=')) return text;
    return text
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq === -1) return pair;
        const key = pair.slice(0, eq);
        const raw = pair.slice(eq + 1);
        const decoded = safeDecode(raw);
        if (this.isSecretKey(key.startsWith('?') ? key.slice(1) : key)) {
          return `${key}=${this.secret(decoded ?? raw, found, raw)}`;
        }
        if (decoded === undefined) {
          const scrubbed = this.text(raw, found);
          return scrubbed === raw ? pair : `${key}=${scrubbed}`;
        }
        const value = this.value(decoded, found);
        return value === decoded ? pair : `${key}=${encodeURIComponent(value)}`;
      })
      .join('&');
  }

  /**
   * A value that is no secret itself but may hold one: a URL (`referrer`), pairs, or the same again
   * percent-encoded once more. The result is encoded as deep as the value was.
   */
  value(value: string, found?: Found, depth = 0): string {
    if (depth > MAX_DEPTH) return value;
    if (value.includes('=') || value.includes('://') || value.includes('"')) {
      const scrubbed = this.text(value, found);
      if (scrubbed !== value) return scrubbed;
    }
    if (!value.includes('%')) return value;
    const inner = safeDecode(value);
    if (inner === undefined || inner === value) return value;
    const redacted = this.value(inner, found, depth + 1);
    return redacted === inner ? value : encodeURIComponent(redacted);
  }

  /**
   * Free text (an error message, a finding message, a title, a text body): URLs, `key=value` and
   * `"key":"value"` with secret keys, then every `known` secret value (also percent- or JSON-encoded,
   * also cut short as `truncate()` quotes it).
   */
  text(text: string, found?: Found, secrets?: Iterable<string>): string {
    let out = text;
    if (out.includes('://')) out = out.replace(URL_IN_TEXT, (url) => this.url(url, found));
    if (out.includes('=')) {
      out = out.replace(PAIR_IN_TEXT, (pair, key: string, raw: string) =>
        this.isSecretKey(key) ? `${key}=${this.secret(safeDecode(raw) ?? raw, found, raw)}` : pair,
      );
    }
    if (out.includes('"')) {
      out = out.replace(JSON_PAIR, (pair, key: string, colon: string, value: string) =>
        this.isSecretKey(unquote(key))
          ? `"${key}"${colon}"${this.secret(unquote(value), found, value)}"`
          : pair,
      );
    }
    return secrets ? scrubKnown(out, secrets) : out;
  }

  /** A parameter as decoded, with its value (and raw text) replaced when it is or holds a secret. */
  param(p: DecodedParam, found?: Found): DecodedParam {
    if (p.spec?.secret === true || this.isSecretKey(p.wireKey ?? p.key)) {
      const value = this.secret(p.value, found, p.raw);
      const out: DecodedParam = { ...p, value, raw: value };
      if (p.display !== undefined) out.display = value;
      return out;
    }
    const value = p.decodeError === undefined ? this.value(p.value, found) : this.text(p.value, found);
    if (value === p.value) return p;
    const out: DecodedParam = {
      ...p,
      value,
      raw: p.decodeError === undefined ? encodeURIComponent(value) : value,
    };
    if (p.display !== undefined) out.display = this.value(p.display, found);
    return out;
  }

  /** A request header: credentials replaced whole, URLs (Referer, Origin) and pairs in others. */
  header(header: Header, found?: Found): Header {
    if (isSecretHeader(header.name, this.keys)) {
      // The parts may be quoted elsewhere: a bearer token, each cookie's value.
      const token = /^\S+\s+(\S+)$/.exec(header.value)?.[1];
      if (token) found?.add(token);
      for (const m of header.value.matchAll(/(?:^|;)\s*[^=;]+=([^;]*)/g)) if (m[1]) found?.add(m[1].trim());
      return { name: header.name, value: this.secret(header.value, found) };
    }
    const value = this.text(header.value, found);
    return value === header.value ? header : { name: header.name, value };
  }

  /** A body of any kind: form, JSON, multipart or text, base64 included (decoded, redacted, re-encoded). */
  body(body: RequestBody, found?: Found): RequestBody {
    const mimeType = body.mimeType;
    let text = bodyText({ id: '', method: 'POST', url: '', startTime: 0, body });
    let bytes = false;
    if (text === undefined && body.kind === 'binary') {
      try {
        text = atob(body.base64);
        bytes = true;
      } catch {
        return body;
      }
    }
    if (text === undefined) return body;
    const redacted = this.bodyText(text, mimeType, found);
    if (redacted === text) return body;
    const out: RequestBody =
      body.kind === 'text'
        ? { kind: 'text', text: redacted }
        : { kind: 'binary', base64: bytes ? btoa(redacted) : utf8Base64(redacted) };
    if (mimeType !== undefined) out.mimeType = mimeType;
    return out;
  }

  private bodyText(text: string, mimeType: string | undefined, found?: Found): string {
    const start = text.trimStart()[0];
    if (/multipart\//i.test(mimeType ?? '') || /^--[^\s]+\r?\n/.test(text)) {
      return this.text(this.multipart(text, mimeType, found), found);
    }
    if (start === '{' || start === '[') {
      const json = this.json(text, found);
      if (json !== undefined) return json;
    }
    return this.text(this.params(text, found), found);
  }

  private json(text: string, found?: Found): string | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return undefined;
    }
    const walk = (value: unknown, secret: boolean, depth: number): unknown => {
      if (secret && value !== null && value !== undefined) {
        return this.secret(typeof value === 'string' ? value : JSON.stringify(value), found);
      }
      if (typeof value === 'string') return this.value(value, found);
      if (typeof value !== 'object' || value === null || depth > MAX_JSON_DEPTH) return value;
      if (Array.isArray(value)) return value.map((v) => walk(v, false, depth + 1));
      // A prototype-free copy: a "__proto__" key stays a plain key.
      const out: Record<string, unknown> = Object.create(null);
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, this.isSecretKey(k), depth + 1);
      return out;
    };
    try {
      const redacted = JSON.stringify(walk(parsed, false, 0));
      return redacted === JSON.stringify(parsed) ? text : this.text(redacted, found);
    } catch {
      return undefined;
    }
  }

  /** `multipart/form-data`: a part named like a secret loses its content, the others are searched. */
  private multipart(text: string, mimeType: string | undefined, found?: Found): string {
    const boundary =
      /boundary=(?:"([^"]+)"|([^\s;]+))/i
        .exec(mimeType ?? '')
        ?.slice(1)
        .find(Boolean) ?? /^--([^\s]+)\r?\n/.exec(text)?.[1];
    if (!boundary) return text;
    const delimiter = `--${boundary}`;
    return text
      .split(delimiter)
      .map((part) => {
        const gap = /\r?\n\r?\n/.exec(part);
        if (!gap) return part;
        const start = gap.index + gap[0].length;
        const tail = /\r?\n$/.exec(part.slice(start))?.[0] ?? '';
        const content = part.slice(start, part.length - tail.length);
        const name = /\bname="([^"]*)"/i.exec(part.slice(0, gap.index))?.[1];
        const redacted =
          name !== undefined && this.isSecretKey(name)
            ? this.secret(content, found)
            : this.value(content, found);
        return redacted === content ? part : `${part.slice(0, start)}${redacted}${tail}`;
      })
      .join(delimiter);
  }

  /**
   * A copy of the request with every secret replaced, in its URL, headers, body, error and response
   * text; `found` collects the secret values for scrubbing text about this request.
   */
  request(request: CapturedRequest, found: Found = new Set()): CapturedRequest {
    const out: CapturedRequest = { ...request, url: this.url(request.url, found) };
    if (request.requestHeaders) out.requestHeaders = request.requestHeaders.map((h) => this.header(h, found));
    if (request.body) out.body = this.body(request.body, found);
    if (request.error !== undefined) out.error = this.text(request.error, found);
    if (request.responseText !== undefined) out.responseText = this.text(request.responseText, found);
    if (found.size === 0) return out;
    // A secret found in one place may also be quoted bare in another (a body echoing the URL's ks).
    out.url = scrubKnown(out.url, found);
    if (out.requestHeaders) {
      out.requestHeaders = out.requestHeaders.map((h) => ({
        name: h.name,
        value: scrubKnown(h.value, found),
      }));
    }
    if (out.body?.kind === 'text') out.body = { ...out.body, text: scrubKnown(out.body.text, found) };
    if (out.error !== undefined) out.error = scrubKnown(out.error, found);
    if (out.responseText !== undefined) out.responseText = scrubKnown(out.responseText, found);
    return out;
  }
}

/** Replaces every occurrence of the known secret values, in the forms text quotes them in. */
export function scrubKnown(text: string, values: Iterable<string>): string {
  let out = text;
  for (const value of values) {
    if (value === '' || PLACEHOLDER.test(value)) continue;
    const secret = known(value);
    const ranges: [number, number][] = [];
    for (const form of secret.forms) findForm(out, form, ranges);
    if (ranges.length > 0) out = replaceRanges(out, ranges, secret.placeholder);
  }
  return out;
}

/**
 * Adds where `form` occurs in `text`. A long form is found by its head and extended as far as it
 * matches, so a value quoted cut short goes too; the forms share heads, so overlapping finds merge.
 */
function findForm(text: string, form: string, ranges: [number, number][]): void {
  if (form.length < MIN_SEARCHED) {
    const quoted = `"${form}"`;
    for (let at = text.indexOf(quoted); at !== -1; at = text.indexOf(quoted, at + quoted.length)) {
      ranges.push([at + 1, at + 1 + form.length]);
    }
    return;
  }
  const head = form.slice(0, Math.min(HEAD, form.length));
  for (let at = text.indexOf(head); at !== -1; at = text.indexOf(head, at + 1)) {
    let end = at + head.length;
    while (end < text.length && end - at < form.length && text[end] === form[end - at]) end++;
    if (form.length <= HEAD && end - at < form.length) continue;
    ranges.push([at, end]);
  }
}

function replaceRanges(text: string, ranges: [number, number][], replacement: string): string {
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  for (const [start, end] of ranges) {
    if (end <= from) continue;
    if (start >= from) out += text.slice(from, start) + replacement;
    from = end;
  }
  return out + text.slice(from);
}

function forms(value: string): Set<string> {
  const set = new Set([value]);
  try {
    const once = encodeURIComponent(value);
    set.add(once);
    set.add(once.replace(/%20/g, '+'));
    set.add(encodeURIComponent(once));
  } catch {
    // A lone surrogate cannot be percent-encoded: the value is searched as it is.
  }
  set.add(JSON.stringify(value).slice(1, -1));
  return set;
}

function unquote(jsonText: string): string {
  try {
    return JSON.parse(`"${jsonText}"`) as string;
  } catch {
    return jsonText;
  }
}

function utf8Base64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

const defaultRedactor = new Redactor();

/** A copy of the request with every secret replaced (see `Redactor.request`). */
export function redactRequest(
  request: CapturedRequest,
  redactor: Redactor = defaultRedactor,
): CapturedRequest {
  return redactor.request(request);
}

/** The URL with every secret replaced (see `Redactor.url`). */
export function redactUrl(url: string, redactor: Redactor = defaultRedactor): string {
  return redactor.url(url);
}

/** Free text (a title, a message) with every secret it quotes replaced (see `Redactor.text`). */
export function redactText(text: string, redactor: Redactor = defaultRedactor): string {
  return redactor.text(text);
}
