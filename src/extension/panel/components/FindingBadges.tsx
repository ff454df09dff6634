import type { Finding, Severity } from '../../../core/rules/rule.js';

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** One small badge per severity present, with its count. */
export function FindingBadges({ findings }: { findings: readonly Finding[] | undefined }) {
  if (!findings?.length) return null;
  return (
    <span class="badges">
      {ORDER.map((severity) => {
        const n = findings.filter((f) => f.severity === severity).length;
        return n ? (
          <span key={severity} class={`badge sev-${severity}`} title={`${n} ${severity}`}>
            {n}
          </span>
        ) : null;
      })}
    </span>
  );
}
