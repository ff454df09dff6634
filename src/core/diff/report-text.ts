import pc from 'picocolors';
import { groupDifferences, groupMessage, inPair, KIND_LABEL } from './group.js';
import type { DiffReportInput } from './report-json.js';
import type { Difference } from './types.js';

/** Per session pair its differences (those the config lets pass dimmed), then the verdict. */
export function renderDiffText(input: DiffReportInput, options: { color?: boolean } = {}): string {
  const c = pc.createColors(options.color === true);
  const { result } = input;
  const lines = [c.bold(`Golden-session diff: ${input.baseline} → ${input.candidate}`), ''];
  for (const pair of result.pairs) {
    const mine = result.differences.filter((d) => inPair(d, pair));
    const side = (id: string | undefined) => (id === undefined ? '—' : id || '(no session id)');
    lines.push(
      c.bold(`${pair.protocol} session ${side(pair.baselineSession)} → ${side(pair.candidateSession)}`) +
        c.dim(` · ${pair.baselineBeacons} → ${pair.candidateBeacons} beacons, ${pair.aligned} aligned`) +
        (pair.pending ? c.dim(`, ${pair.pending} still to come`) : ''),
    );
    lines.push(...differenceLines(mine, c));
    if (mine.length === 0) lines.push(c.green('  equivalent'));
    lines.push('');
  }
  const orphans = result.differences.filter((d) => !result.pairs.some((p) => inPair(d, p)));
  if (orphans.length) lines.push(c.bold('Outside any session pair'), ...differenceLines(orphans, c), '');
  const { matter, ignored } = result.summary;
  const rest = ignored ? ` (${ignored} more the config lets pass)` : '';
  lines.push(
    result.equivalent
      ? c.green(`Equivalent: no difference that matters${rest}`)
      : c.red(
          `Not equivalent: ${matter} ${matter === 1 ? 'difference matters' : 'differences matter'}${rest}`,
        ),
  );
  return `${lines.join('\n')}\n`;
}

type Colors = ReturnType<typeof pc.createColors>;

function differenceLines(differences: readonly Difference[], c: Colors): string[] {
  return groupDifferences(differences).map((g) => {
    const text = `${KIND_LABEL[g.first.kind].padEnd(15)} ${groupMessage(g)}`;
    return g.first.matters ? `  ${c.red('✖')} ${text}` : c.dim(`  · ${text} (allowed by the config)`);
  });
}
