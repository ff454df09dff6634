/**
 * Config patterns (`expect.params[].matches`) run on captured values, which anyone can shape: with a
 * backtracking engine, `^(a+)+$` on "aaaa…!" takes exponential time and hangs validation. These
 * patterns are compiled instead to a small automaton run in time linear in the value (a Pike VM:
 * every position is visited once by each instruction at most). The syntax is JavaScript's, without
 * flags, minus what no automaton can do: lookarounds and backreferences are refused with a reason.
 */

export interface LinearPattern {
  test(text: string): boolean;
}

/** A pattern the automaton cannot run; the message says what in it. */
export class PatternError extends Error {
  override name = 'PatternError';
}

type CharTest = (c: number) => boolean;
type Assertion = 'start' | 'end' | 'boundary' | 'not-boundary';

type Node =
  | { kind: 'char'; test: CharTest }
  | { kind: 'assert'; what: Assertion }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

type Instruction =
  | { op: 'char'; test: CharTest }
  | { op: 'assert'; what: Assertion }
  | { op: 'split'; a: number; b: number }
  | { op: 'jump'; to: number }
  | { op: 'match' };

/** Instructions a pattern may compile to (counted repetitions are copies). */
const MAX_PROGRAM = 5_000;

const isWord: CharTest = (c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit: CharTest = (c) => c >= 48 && c <= 57;
const SPACES = new Set([9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const isSpace: CharTest = (c) => SPACES.has(c) || (c >= 0x2000 && c <= 0x200a);
const isLineEnd: CharTest = (c) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const not =
  (test: CharTest): CharTest =>
  (c) =>
    !test(c);

class Parser {
  private i = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.source.length) throw new PatternError(`unexpected ${this.source[this.i]}`);
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.i];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.i += 1;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private quantified(node: Node): Node {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.i += 1;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!m) return node; // A brace that starts no quantifier is a literal (as JavaScript reads it).
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return node;
    // Lazy or greedy: the same strings match, and only whether one does is asked.
    if (this.peek() === '?') this.i += 1;
    if (node.kind === 'assert') return node;
    return { kind: 'repeat', node, min, max };
  }

  private atom(): Node {
    const c = this.source[this.i++] as string;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return { kind: 'char', test: this.charClass() };
      case '.':
        return { kind: 'char', test: not(isLineEnd) };
      case '^':
        return { kind: 'assert', what: 'start' };
      case '$':
        return { kind: 'assert', what: 'end' };
      case '\\':
        return this.escape();
      default: {
        const code = c.charCodeAt(0);
        return { kind: 'char', test: (x) => x === code };
      }
    }
  }

  private group(): Node {
    const rest = this.source.slice(this.i);
    if (rest.startsWith('?:')) this.i += 2;
    else if (/^\?<[A-Za-z_$][\w$]*>/.test(rest)) this.i = this.source.indexOf('>', this.i) + 1;
    else if (/^\?(=|!|<=|<!)/.test(rest)) throw new PatternError('a lookaround');
    const node = this.alternation();
    if (this.source[this.i++] !== ')') throw new PatternError('an unclosed group');
    return node;
  }

  private escape(): Node {
    const c = this.source[this.i++];
    if (c === undefined) throw new PatternError('a trailing backslash');
    if (c === 'b') return { kind: 'assert', what: 'boundary' };
    if (c === 'B') return { kind: 'assert', what: 'not-boundary' };
    if (/[1-9]/.test(c) || (c === 'k' && this.peek() === '<')) throw new PatternError('a backreference');
    return { kind: 'char', test: this.escapedChar(c) };
  }

  /** What `\c` stands for (after the backslash), as a character test. */
  private escapedChar(c: string): CharTest {
    switch (c) {
      case 'd':
        return isDigit;
      case 'D':
        return not(isDigit);
      case 'w':
        return isWord;
      case 'W':
        return not(isWord);
      case 's':
        return isSpace;
      case 'S':
        return not(isSpace);
      default: {
        const code = this.escapedCode(c);
        return (x) => x === code;
      }
    }
  }

  private escapedCode(c: string): number {
    const hex = (length: number) => {
      const digits = this.source.slice(this.i, this.i + length);
      if (digits.length !== length || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
      this.i += length;
      return Number.parseInt(digits, 16);
    };
    switch (c) {
      case 't':
        return 9;
      case 'n':
        return 10;
      case 'v':
        return 11;
      case 'f':
        return 12;
      case 'r':
        return 13;
      case '0':
        return 0;
      case 'x':
        return hex(2) ?? 120;
      case 'u':
        return hex(4) ?? 117;
      case 'c': {
        const letter = this.peek();
        if (letter && /[A-Za-z]/.test(letter)) {
          this.i += 1;
          return letter.charCodeAt(0) % 32;
        }
        return 92; // `\c` without a letter is a backslash and a "c".
      }
      default:
        return c.charCodeAt(0);
    }
  }

  private charClass(): CharTest {
    const negated = this.peek() === '^';
    if (negated) this.i += 1;
    const parts: CharTest[] = [];
    let first = true;
    for (;;) {
      const c = this.source[this.i++];
      if (c === undefined) throw new PatternError('an unclosed character class');
      if (c === ']' && !first) break;
      first = false;
      const low = this.classAtom(c);
      if (this.peek() === '-' && this.source[this.i + 1] !== ']' && this.source[this.i + 1] !== undefined) {
        this.i += 1;
        const high = this.classAtom(this.source[this.i++] as string);
        if (typeof low === 'number' && typeof high === 'number') {
          parts.push((x) => x >= low && x <= high);
          continue;
        }
        // `[\d-z]`: no range, the three are members (Annex B).
        parts.push(asTest(low), (x) => x === 45, asTest(high));
        continue;
      }
      parts.push(asTest(low));
    }
    const member: CharTest = (x) => parts.some((p) => p(x));
    return negated ? not(member) : member;
  }

  /** A class member: a character code, or a test for `\d`-like escapes. */
  private classAtom(c: string): number | CharTest {
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.source[this.i++];
    if (e === undefined) throw new PatternError('a trailing backslash');
    if (e === 'b') return 8;
    if ('dDwWsS'.includes(e)) return this.escapedChar(e);
    return this.escapedCode(e);
  }
}

function asTest(member: number | CharTest): CharTest {
  return typeof member === 'number' ? (x) => x === member : member;
}

function compile(node: Node, program: Instruction[]): void {
  if (program.length > MAX_PROGRAM) throw new PatternError('counted repetitions too large');
  switch (node.kind) {
    case 'char':
      program.push({ op: 'char', test: node.test });
      return;
    case 'assert':
      program.push({ op: 'assert', what: node.what });
      return;
    case 'seq':
      for (const item of node.items) compile(item, program);
      return;
    case 'alt': {
      const jumps: { op: 'jump'; to: number }[] = [];
      node.options.forEach((option, i) => {
        const last = i === node.options.length - 1;
        const split = { op: 'split' as const, a: program.length + 1, b: 0 };
        if (!last) program.push(split);
        compile(option, program);
        if (!last) {
          const jump = { op: 'jump' as const, to: 0 };
          jumps.push(jump);
          program.push(jump);
          split.b = program.length;
        }
      });
      for (const jump of jumps) jump.to = program.length;
      return;
    }
    case 'repeat': {
      for (let k = 0; k < node.min; k++) compile(node.node, program);
      if (node.max === Infinity) {
        const split = { op: 'split' as const, a: program.length + 1, b: 0 };
        const loop = program.length;
        program.push(split);
        compile(node.node, program);
        program.push({ op: 'jump', to: loop });
        split.b = program.length;
        return;
      }
      const splits: { op: 'split'; a: number; b: number }[] = [];
      for (let k = node.min; k < node.max; k++) {
        const split = { op: 'split' as const, a: program.length + 1, b: 0 };
        splits.push(split);
        program.push(split);
        compile(node.node, program);
      }
      for (const split of splits) split.b = program.length;
      return;
    }
  }
}

/** Compiles a pattern, or throws a `PatternError` saying what the automaton cannot run. */
export function linearPattern(source: string): LinearPattern {
  const program: Instruction[] = [];
  compile(new Parser(source).parse(), program);
  program.push({ op: 'match' });
  return { test: (text) => run(program, text) };
}

/** Whether the program matches anywhere in `text`: each position is visited once per instruction. */
function run(program: readonly Instruction[], text: string): boolean {
  const mark = new Int32Array(program.length).fill(-1);
  let generation = 0;

  /** Follows jumps, splits and assertions from `pc`; true when it reaches the match. */
  const add = (ready: number[], pc: number, at: number): boolean => {
    if (mark[pc] === generation) return false;
    mark[pc] = generation;
    const ins = program[pc] as Instruction;
    switch (ins.op) {
      case 'jump':
        return add(ready, ins.to, at);
      case 'split':
        return add(ready, ins.a, at) || add(ready, ins.b, at);
      case 'assert':
        return holds(ins.what, text, at) && add(ready, pc + 1, at);
      case 'match':
        return true;
      case 'char':
        ready.push(pc);
        return false;
    }
  };

  /** Instructions reached by consuming the previous character. */
  let threads: number[] = [];
  for (let at = 0; at <= text.length; at++) {
    generation += 1;
    const ready: number[] = [];
    for (const pc of threads) if (add(ready, pc, at)) return true;
    // A match may start at any position.
    if (add(ready, 0, at)) return true;
    if (at === text.length) break;
    const c = text.charCodeAt(at);
    threads = [];
    for (const pc of ready) {
      const ins = program[pc] as Instruction;
      if (ins.op === 'char' && ins.test(c)) threads.push(pc + 1);
    }
  }
  return false;
}

function holds(what: Assertion, text: string, at: number): boolean {
  switch (what) {
    case 'start':
      return at === 0;
    case 'end':
      return at === text.length;
    case 'boundary':
    case 'not-boundary': {
      const before = at > 0 && isWord(text.charCodeAt(at - 1));
      const after = at < text.length && isWord(text.charCodeAt(at));
      return (before !== after) === (what === 'boundary');
    }
  }
}
