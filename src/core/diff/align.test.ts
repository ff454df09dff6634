import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { align } from './align.js';

const same = (x: string, y: string) => x === y;
const codes = (text: string) => text.split(' ');

describe('align', () => {
  it('matches equal sequences item by item', () => {
    expect(align(codes('1 2 3'), codes('1 2 3'), same).every((s) => s.kind === 'match')).toBe(true);
  });

  it('makes one missing item one gap, the items after it still matched', () => {
    const steps = align(codes('1 2 3 99 11 99 12'), codes('1 3 99 11 99 12'), same);
    expect(steps.filter((s) => s.kind !== 'match')).toEqual([{ kind: 'only-a', a: 1 }]);
    expect(steps.filter((s) => s.kind === 'match')).toHaveLength(6);
  });

  it('finds an added item among repeats', () => {
    const steps = align(codes('99 99 33 4 99'), codes('99 99 33 45 46 4 99'), same);
    expect(steps.filter((s) => s.kind !== 'match')).toEqual([
      { kind: 'only-b', b: 3 },
      { kind: 'only-b', b: 4 },
    ]);
  });

  it('keeps the heavier of two swapped items matched', () => {
    const heavy = (x: string) => (x === '99' ? 1 : 2);
    const steps = align(codes('3 11 99 12'), codes('3 99 11 12'), same, heavy);
    expect(steps.filter((s) => s.kind !== 'match')).toEqual([
      { kind: 'only-b', b: 1 },
      { kind: 'only-a', a: 2 },
    ]);
  });

  it('stays linear on two long sessions that differ early, still one gap for one missing item', () => {
    const views = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? '11' : '99'));
    const a = ['1', '2', '3', ...views];
    const b = ['1', '3', ...views, '14'];
    const steps = align(a, b, same);
    expect(steps.filter((s) => s.kind !== 'match')).toEqual([
      { kind: 'only-a', a: 1 },
      { kind: 'only-b', b: 3002 },
    ]);
  });

  it('aligns nothing with nothing, and everything against an empty side', () => {
    expect(align([], [], same)).toEqual([]);
    expect(align(['a'], [], same)).toEqual([{ kind: 'only-a', a: 0 }]);
    expect(align([], ['b'], same)).toEqual([{ kind: 'only-b', b: 0 }]);
  });

  it('visits every item of both sides once, in order, and matches only equal ones', () => {
    const seq = fc.array(fc.constantFrom('1', '2', '3', '99'), { maxLength: 30 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const steps = align(a, b, same);
        const as = steps.flatMap((s) => (s.kind === 'only-b' ? [] : [s.a]));
        const bs = steps.flatMap((s) => (s.kind === 'only-a' ? [] : [s.b]));
        expect(as).toEqual(a.map((_, i) => i));
        expect(bs).toEqual(b.map((_, i) => i));
        for (const s of steps) if (s.kind === 'match') expect(a[s.a]).toBe(b[s.b]);
      }),
    );
  });
});
