import type { AlignStep } from './align.js';

/** How many steps apart a periodic event may have moved and still be the same one. */
const WINDOW = 4;

/**
 * Pairs periodic events (View, time pings) that the alignment left unmatched on both sides because
 * they swapped places with a neighbour: a View due at 20 s comes before or after Play reached 50% as
 * the clocks of two runs fall, which is no difference. Such a pair becomes a match at the earlier of
 * its two steps; other events keep their order, since a change there may matter.
 */
export function pairMovedPeriodic(
  steps: readonly AlignStep[],
  codeA: (a: number) => string,
  codeB: (b: number) => string,
  periodic: (code: string) => boolean,
): AlignStep[] {
  const out: (AlignStep | undefined)[] = [...steps];
  out.forEach((step, i) => {
    if (!step || step.kind === 'match') return;
    const code = step.kind === 'only-a' ? codeA(step.a) : codeB(step.b);
    if (!periodic(code)) return;
    for (let j = i + 1; j < out.length && j <= i + WINDOW; j++) {
      const other = out[j];
      if (!other || other.kind === 'match' || other.kind === step.kind) continue;
      const otherCode = other.kind === 'only-a' ? codeA(other.a) : codeB(other.b);
      if (otherCode !== code) continue;
      const a = step.kind === 'only-a' ? step.a : (other as { a: number }).a;
      const b = step.kind === 'only-b' ? step.b : (other as { b: number }).b;
      out[i] = { kind: 'match', a, b };
      out[j] = undefined;
      return;
    }
  });
  return out.filter((s): s is AlignStep => s !== undefined);
}
