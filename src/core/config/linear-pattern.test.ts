import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearPattern, PatternError } from './linear-pattern.js';

describe('linearPattern', () => {
  it('answers like RegExp on the patterns configs use', () => {
    const cases: [string, string[]][] = [
      ['^2215841$', ['2215841', '22158410', ' 2215841']],
      ['^[0-9]+$', ['123', '12a', '']],
      ['^\\d{1,3}(\\.\\d+)?$', ['1', '123.5', '1234', '1.', '.5']],
      ['^(kava|stats)\\b', ['kava-x', 'kavax', 'stats', 'jw']],
      ['^1_[a-z0-9]{8}$', ['1_abcd1234', '1_ABCD1234', '1_abcd123']],
      ['foo|bar', ['xbarx', 'fo', 'foo']],
      ['^[^&=]*$', ['abc', 'a=b', '']],
      ['^a.c$', ['abc', 'a\nc', 'ac']],
      ['^\\s*\\S+\\s*$', ['  x  ', ' ', 'a b']],
      ['^(?:ab)*$', ['', 'abab', 'aba']],
      ['^(?<id>[A-Z]{2})-', ['AB-', 'ab-']],
      ['x{2,}', ['xx', 'x']],
      ['a{,2}', ['a{,2}', 'aa']],
      ['^[\\w.-]+@[\\w-]+$', ['a.b@c', 'a@b.c']],
      ['\\u0041\\x42', ['AB', 'ab']],
      ['^[a\\-z]$', ['-', 'b', 'a']],
      ['^(a+)+$', ['aaaa', 'aaab']],
    ];
    for (const [source, texts] of cases) {
      const pattern = linearPattern(source);
      for (const text of texts)
        expect(pattern.test(text), `/${source}/ on ${JSON.stringify(text)}`).toBe(
          new RegExp(source).test(text),
        );
    }
  });

  it('agrees with RegExp on random patterns and texts', () => {
    const piece = fc.constantFrom(
      'a',
      'b',
      '.',
      '\\d',
      '[ab]',
      '[^a]',
      '(a|b)',
      '(?:ab)',
      'a*',
      'b+',
      'a?',
      '^',
      '$',
      '\\b',
      'a{2}',
      '(a+)+',
      '(a|aa)*',
      '1',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        fc.stringMatching(/^[ab1 ]{0,12}$/),
        (pieces, text) => {
          const source = pieces.join('');
          expect(linearPattern(source).test(text)).toBe(new RegExp(source).test(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('runs a catastrophic pattern on a long hostile value at once', () => {
    // A backtracking engine needs 2^50 steps here; the automaton makes 50 × (a few) steps.
    expect(linearPattern('^(a+)+$').test(`${'a'.repeat(50)}!`)).toBe(false);
    expect(linearPattern('^(a|aa)*b$').test('a'.repeat(10_000))).toBe(false);
    expect(linearPattern('^(\\w+\\s?)*$').test(`${'word '.repeat(2000)}!`)).toBe(false);
  });

  it('refuses what no automaton runs, saying what', () => {
    expect(() => linearPattern('^(?=a)')).toThrow(new PatternError('a lookaround'));
    expect(() => linearPattern('(?<!x)y')).toThrow('a lookaround');
    expect(() => linearPattern('(a)\\1')).toThrow('a backreference');
    expect(() => linearPattern('(?<n>a)\\k<n>')).toThrow('a backreference');
  });
});
