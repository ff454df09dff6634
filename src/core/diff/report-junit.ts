import { escapeXml } from '../report/escape.js';
import { groupDifferences, groupMessage, inPair, KIND_LABEL } from './group.js';
import type { DiffReportInput } from './report-json.js';
import type { Difference } from './types.js';

const CHECKS: { name: string; kinds: readonly Difference['kind'][] }[] = [
  { name: 'events', kinds: ['session-missing', 'session-added', 'event-missing', 'event-added'] },
  { name: 'parameters', kinds: ['param-removed', 'param-added', 'value-changed', 'format-changed'] },
  { name: 'timing', kinds: ['timing'] },
  { name: 'findings', kinds: ['new-finding'] },
];

/** JUnit XML: a testsuite per session pair, a testcase per kind of check; differences that matter fail it. */
export function renderDiffJunit(input: DiffReportInput): string {
  const { result } = input;
  let tests = 0;
  let failures = 0;
  const suites = result.pairs.map((pair) => {
    const mine = result.differences.filter((d) => inPair(d, pair));
    const name = `${pair.protocol} session ${pair.baselineSession ?? '—'} → ${pair.candidateSession ?? '—'}`;
    const cases = CHECKS.map(({ name: check, kinds }) => {
      const groups = groupDifferences(mine.filter((d) => kinds.includes(d.kind)));
      const failing = groups.filter((g) => g.first.matters);
      const passing = groups.filter((g) => !g.first.matters);
      const line = (g: (typeof groups)[number]) => `${KIND_LABEL[g.first.kind]}: ${groupMessage(g)}`;
      const body = [
        ...failing.map(
          (g) =>
            `<failure message="${escapeXml(groupMessage(g))}" type="${escapeXml(g.first.kind)}">${escapeXml(line(g))}</failure>`,
        ),
        passing.length ? `<system-out>${escapeXml(passing.map(line).join('\n'))}</system-out>` : '',
      ].join('');
      const attrs = `classname="${escapeXml(`diff.${pair.protocol}`)}" name="${check}"`;
      return {
        xml: body ? `    <testcase ${attrs}>${body}</testcase>` : `    <testcase ${attrs}/>`,
        failed: failing.length > 0,
      };
    });
    const failed = cases.filter((c) => c.failed).length;
    tests += cases.length;
    failures += failed;
    return `  <testsuite name="${escapeXml(name)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="player-inspector diff" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
