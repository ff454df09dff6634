import { describe, expect, it } from 'vitest';
import type { Finding } from '../rules/rule.js';
import { newFindings } from './findings.js';

const finding = (rule: string, beacons: number[]): Finding => ({
  rule,
  severity: 'error',
  message: rule,
  beacons,
});

describe('newFindings', () => {
  it('matches a finding on the aligned beacons first, then any left of its rule, and keeps the rest', () => {
    const baseline = [finding('a', [1]), finding('a', [5]), finding('b', [2])];
    // Candidate beacon 10 is aligned with baseline 5, 11 with 1; 12 has no partner.
    const toBaseline = (i: number) => ({ 10: 5, 11: 1 })[i];
    const candidate = [finding('a', [10]), finding('a', [12]), finding('a', [11]), finding('c', [11])];
    // a@10 is a@5 and a@11 is a@1 (aligned); a@12 then finds no a left; c is new.
    expect(newFindings(baseline, candidate, toBaseline)).toEqual([candidate[1], candidate[3]]);
    // With a third baseline a elsewhere, a@12 is that one, moved.
    expect(newFindings([...baseline, finding('a', [9])], candidate, toBaseline)).toEqual([candidate[3]]);
  });

  it('finds nothing new in the same findings', () => {
    const list = [finding('a', [1, 2]), finding('b', [])];
    expect(newFindings(list, list, (i) => i)).toEqual([]);
  });
});
