import { beaconList } from '../../../core/report/beacon-list.js';
import type { Finding, Rule } from '../../../core/rules/rule.js';

interface Props {
  findings: readonly Finding[];
  rule(id: string): Rule | undefined;
}

/** Findings with the rule's title and explanation, worst first. */
export function FindingList({ findings, rule }: Props) {
  if (findings.length === 0) return <p class="muted">No findings.</p>;
  const rank = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  return (
    <ul class="findings">
      {sorted.map((f, i) => {
        const r = rule(f.rule);
        return (
          <li key={`${f.rule}-${i}`} class={`finding sev-border-${f.severity}`}>
            <div>
              <span class={`badge sev-${f.severity}`}>{f.severity}</span> <code>{f.rule}</code>
              {r && <span class="muted"> · {r.title}</span>}
            </div>
            <div class="message">{f.message}</div>
            {f.beacons.length > 1 && (
              <div class="muted finding-beacons">Beacons {beaconList(f.beacons, 1)}</div>
            )}
            {r && <div class="muted explanation">{r.explanation}</div>}
          </li>
        );
      })}
    </ul>
  );
}
