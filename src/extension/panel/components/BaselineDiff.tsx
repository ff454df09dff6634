import { groupDifferences, groupMessage, KIND_LABEL } from '../../../core/diff/group.js';
import type { DiffResult } from '../../../core/diff/types.js';

interface Props {
  /** The pinned baseline's label, undefined while none is pinned. */
  baseline: string | undefined;
  result: DiffResult | undefined;
  onImport(file: File): void;
  onClear(): void;
}

/** The live capture's differences from the pinned golden baseline, as it plays. */
export function BaselineDiff({ baseline, result, onImport, onClear }: Props) {
  const importer = (
    <label class="button" title="Import a HAR file as the baseline">
      Import baseline HAR
      <input
        type="file"
        accept=".har,application/json"
        aria-label="Baseline HAR file"
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onImport(file);
          e.currentTarget.value = '';
        }}
      />
    </label>
  );
  if (!baseline || !result) {
    return (
      <div class="baseline-diff">
        <p class="empty">
          No baseline: pin a session in the Sessions tab, or import a golden HAR, to see how the live capture
          differs from it.
        </p>
        {importer}
      </div>
    );
  }
  const groups = groupDifferences(result.differences);
  const pending = result.pairs.reduce((n, p) => n + p.pending, 0);
  return (
    <div class="baseline-diff">
      <p>
        Baseline <b>{baseline}</b>{' '}
        <button type="button" class="small" onClick={onClear}>
          Clear baseline
        </button>{' '}
        {importer}
      </p>
      <p data-testid="diff-verdict" class={result.equivalent ? 'ok' : 'error'}>
        {result.equivalent
          ? 'Equivalent so far: no difference that matters'
          : `${result.summary.matter} ${result.summary.matter === 1 ? 'difference matters' : 'differences matter'}`}
        {pending > 0 && ` · ${pending} baseline events still to come`}
      </p>
      {groups.length > 0 && (
        <table class="diff-list">
          <tbody>
            {groups.map((g, i) => (
              <tr key={i} class={g.first.matters ? 'matters' : 'allowed'} data-kind={g.first.kind}>
                <td>{KIND_LABEL[g.first.kind]}</td>
                <td class="mono">{g.first.param ?? g.first.rule ?? ''}</td>
                <td>{groupMessage(g)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
