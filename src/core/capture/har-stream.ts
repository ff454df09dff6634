import { InputError } from './har-import.js';

/**
 * Streaming reader of a HAR's `log.entries`: text goes in chunk by chunk and each entry comes out as
 * soon as its closing brace arrives, parsed on its own. Only the entry being read is held, so a 200 MB
 * capture is read in the memory of its largest entry. Everything outside `log.entries` is scanned (its
 * JSON structure checked) and dropped.
 */

// What the scanner expects next.
const VALUE = 0;
const VALUE_OR_CLOSE = 1;
const KEY = 2;
const KEY_OR_CLOSE = 3;
const COLON = 4;
const COMMA_OR_CLOSE = 5;
const STRING = 6;
const LITERAL = 7;
const DONE = 8;

/** Where a container sits: the HAR's top object, its `log`, `log.entries`, or anything else. */
type Role = 'top' | 'log' | 'entries' | 'other';

interface Frame {
  array: boolean;
  role: Role;
  /** Last key read in this object (only kept for the top and `log` objects). */
  key?: string;
}

const LITERAL_TEXT = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const NON_ASCII = /[^\x00-\x7f]/;
const encoder = new TextEncoder();

function utf8Length(text: string): number {
  return NON_ASCII.test(text) ? encoder.encode(text).length : text.length;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isLiteralChar(c: number): boolean {
  // Digits, letters (true/false/null, exponent), '+', '-', '.'.
  return (
    (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 43 || c === 45 || c === 46
  );
}

export class HarEntryReader {
  private state = VALUE;
  private readonly stack: Frame[] = [];
  private escaped = false;
  private stringIsKey = false;
  /** Pieces of a key of the top or `log` object, across chunks. */
  private keyPieces: string[] | undefined;
  /** Pieces of the entry being read, across chunks. */
  private entryPieces: string[] | undefined;
  /** Stack depth at which the entry being read ends. */
  private entryDepth = 0;
  private literal = '';
  private sawValue = false;
  private sawEntries = false;
  private entryCount = 0;
  /** UTF-8 bytes of the chunks already consumed, for error positions. */
  private bytesBefore = 0;
  private firstChunk = true;

  constructor(private readonly name = 'input') {}

  /** Reads one chunk; returns the entries it completed, in order. */
  push(chunk: string): unknown[] {
    const out: unknown[] = [];
    let i = 0;
    if (this.firstChunk && chunk.length > 0) {
      this.firstChunk = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    let entryFrom = this.entryPieces ? 0 : -1;
    let keyFrom = this.keyPieces ? 0 : -1;
    const n = chunk.length;
    /** Position of the next backslash in this chunk (n when none), found lazily. */
    let backslash = -1;

    const valueDone = (end: number) => {
      if (this.entryPieces && this.stack.length === this.entryDepth) {
        this.entryPieces.push(chunk.slice(entryFrom, end));
        out.push(this.parseEntry(this.entryPieces.join('')));
        this.entryPieces = undefined;
        entryFrom = -1;
      }
      this.state = this.stack.length === 0 ? DONE : COMMA_OR_CLOSE;
    };

    while (i < n) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case STRING: {
          if (this.escaped) {
            this.escaped = false;
            i += 1;
            break;
          }
          // Strings are most of a HAR (bodies): native searches skip through them.
          if (backslash < i) {
            backslash = chunk.indexOf('\\', i);
            if (backslash === -1) backslash = n;
          }
          const quote = chunk.indexOf('"', i);
          const stop = quote === -1 ? n : quote;
          if (backslash < stop) {
            this.escaped = true;
            i = backslash + 1;
            break;
          }
          if (quote === -1) {
            i = n;
            break;
          }
          i = quote + 1;
          if (!this.stringIsKey) valueDone(i);
          else {
            if (this.keyPieces) {
              this.keyPieces.push(chunk.slice(keyFrom, i));
              const frame = this.stack[this.stack.length - 1] as Frame;
              frame.key = this.parseKey(this.keyPieces.join(''), chunk, i);
              this.keyPieces = undefined;
              keyFrom = -1;
            }
            this.state = COLON;
          }
          break;
        }
        case LITERAL:
          if (isLiteralChar(c)) {
            this.literal += chunk[i];
            i += 1;
          } else {
            if (!LITERAL_TEXT.test(this.literal)) throw this.syntax(chunk, i);
            valueDone(i);
          }
          break;
        default:
          if (isSpace(c)) {
            i += 1;
            break;
          }
          // An empty array or object closes where a value or key could start.
          if ((this.state === VALUE_OR_CLOSE && c === 93) || (this.state === KEY_OR_CLOSE && c === 125)) {
            this.close(c === 93, chunk, i);
            valueDone(i + 1);
            i += 1;
            break;
          }
          switch (this.state) {
            case VALUE_OR_CLOSE:
            case VALUE: {
              const parent = this.stack[this.stack.length - 1];
              if (!parent && c !== 123) throw this.notHar();
              if (parent?.role === 'entries' && !this.entryPieces) {
                this.entryPieces = [];
                this.entryDepth = this.stack.length;
                entryFrom = i;
              }
              this.sawValue = true;
              this.startValue(c, parent, chunk, i);
              i += 1;
              break;
            }
            case KEY_OR_CLOSE:
            case KEY: {
              if (c !== 34) throw this.syntax(chunk, i);
              const role = (this.stack[this.stack.length - 1] as Frame).role;
              if (role === 'top' || role === 'log') {
                this.keyPieces = [];
                keyFrom = i;
              }
              this.stringIsKey = true;
              this.state = STRING;
              i += 1;
              break;
            }
            case COLON:
              if (c !== 58) throw this.syntax(chunk, i);
              this.state = VALUE;
              i += 1;
              break;
            case COMMA_OR_CLOSE: {
              const array = (this.stack[this.stack.length - 1] as Frame).array;
              if (c === 44) this.state = array ? VALUE : KEY;
              else if (c === (array ? 93 : 125)) {
                this.close(array, chunk, i);
                valueDone(i + 1);
              } else throw this.syntax(chunk, i);
              i += 1;
              break;
            }
            default:
              // DONE: only white space may follow the HAR's object.
              throw this.syntax(chunk, i);
          }
      }
    }
    if (this.entryPieces && entryFrom >= 0) this.entryPieces.push(chunk.slice(entryFrom));
    if (this.keyPieces && keyFrom >= 0) this.keyPieces.push(chunk.slice(keyFrom));
    this.bytesBefore += utf8Length(chunk);
    return out;
  }

  /** Ends the input: throws `InputError` when it is empty, cut off, or has no `log.entries` array. */
  end(): void {
    if (!this.sawValue) throw new InputError(`${this.name}: the file is empty`);
    if (this.state !== DONE) {
      throw new InputError(
        `${this.name}: not valid JSON (unexpected end at byte ${this.bytesBefore}): the file looks truncated`,
      );
    }
    if (!this.sawEntries) throw this.notHar();
  }

  private startValue(c: number, parent: Frame | undefined, chunk: string, i: number): void {
    if (c === 123 || c === 91) {
      let role: Role = 'other';
      if (!parent) role = 'top';
      else if (parent.role === 'top' && parent.key === 'log' && c === 123) role = 'log';
      else if (parent.role === 'log' && parent.key === 'entries' && c === 91) {
        role = 'entries';
        this.sawEntries = true;
      }
      this.stack.push({ array: c === 91, role });
      this.state = c === 91 ? VALUE_OR_CLOSE : KEY_OR_CLOSE;
    } else if (c === 34) {
      this.stringIsKey = false;
      this.state = STRING;
    } else if (c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110) {
      this.literal = chunk[i] as string;
      this.state = LITERAL;
    } else throw this.syntax(chunk, i);
  }

  private close(array: boolean, chunk: string, i: number): void {
    const frame = this.stack.pop();
    if (!frame || frame.array !== array) throw this.syntax(chunk, i);
  }

  private parseEntry(text: string): unknown {
    const index = this.entryCount;
    this.entryCount += 1;
    try {
      return JSON.parse(text);
    } catch {
      throw new InputError(`${this.name}: not valid JSON (syntax error in log.entries[${index}])`);
    }
  }

  private parseKey(text: string, chunk: string, i: number): string {
    try {
      return JSON.parse(text) as string;
    } catch {
      throw this.syntax(chunk, i - 1);
    }
  }

  private syntax(chunk: string, i: number): InputError {
    const at = this.bytesBefore + utf8Length(chunk.slice(0, i));
    const what = i < chunk.length ? `: unexpected ${JSON.stringify(chunk[i])}` : '';
    return new InputError(`${this.name}: not valid JSON (syntax error at byte ${at}${what})`);
  }

  private notHar(): InputError {
    return new InputError(`${this.name}: not a HAR file (no log.entries array)`);
  }
}

/** The entries of a HAR given as text chunks, one by one. Throws `InputError` as `HarEntryReader` does. */
export function* streamHarEntries(chunks: Iterable<string>, name = 'input'): Generator<unknown> {
  const reader = new HarEntryReader(name);
  for (const chunk of chunks) yield* reader.push(chunk);
  reader.end();
}

/** `streamHarEntries` for chunks that arrive asynchronously (a pipe, stdin). */
export async function* streamHarEntriesAsync(
  chunks: AsyncIterable<string>,
  name = 'input',
): AsyncGenerator<unknown> {
  const reader = new HarEntryReader(name);
  for await (const chunk of chunks) yield* reader.push(chunk);
  reader.end();
}
