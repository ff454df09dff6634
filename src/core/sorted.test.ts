import { describe, expect, it } from 'vitest';
import { firstPassing } from './sorted.js';

describe('firstPassing', () => {
  it('finds the first item past a boundary, or the length when none passes', () => {
    const list = [1, 3, 3, 5, 8];
    expect(firstPassing(list, (x) => x >= 3)).toBe(1);
    expect(firstPassing(list, (x) => x > 3)).toBe(3);
    expect(firstPassing(list, (x) => x > 8)).toBe(5);
    expect(firstPassing(list, (x) => x > 0)).toBe(0);
    expect(firstPassing([], () => true)).toBe(0);
  });
});
