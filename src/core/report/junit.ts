import type { Finding } from '../rules/rule.js';
import { escapeXml } from './escape.js';
import type { ReportSource } from './source.js';

/**
 * JUnit XML for CI: one testsuite per session, one testcase per rule run on it; a rule's error
 * findings are its failures, warnings and infos go to the testcase's output.
 */
export function renderJunit(source: ReportSource): string {
  const findings = source.findings();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const session of source.sessions()) {
    const mine = findings.filter((f) => f.sessionId === session.id && f.protocol === session.protocol);
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const { rule } of source.rulesFor(session.protocol)) {
      const ofRule = mine.filter((f) => f.rule === rule.id);
      const errors = ofRule.filter((f) => f.severity === 'error');
      const others = ofRule.filter((f) => f.severity !== 'error');
      if (errors.length) suiteFailures += 1;
      const body = [
        ...errors.map(
          (f) =>
            `<failure message="${escapeXml(f.message)}" type="${escapeXml(rule.id)}">${escapeXml(details(f))}</failure>`,
        ),
        others.length ? `<system-out>${escapeXml(others.map(details).join('\n'))}</system-out>` : '',
      ].join('');
      const attrs = `classname="${escapeXml(`${session.protocol}.${session.id || '(no session id)'}`)}" name="${escapeXml(rule.id)}"`;
      cases.push(body ? `    <testcase ${attrs}>${body}</testcase>` : `    <testcase ${attrs}/>`);
    }
    tests += cases.length;
    failures += suiteFailures;
    const first = session.beacons[0]?.time;
    const timestamp = first === undefined ? '' : ` timestamp="${new Date(first).toISOString().slice(0, 19)}"`;
    suites.push(
      `  <testsuite name="${escapeXml(`${session.protocol} session ${session.id || '(no session id)'}`)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0"${timestamp}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="player-inspector" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function details(f: Finding): string {
  const beacons = f.beacons.length ? ` (beacons ${f.beacons.map((i) => `#${i}`).join(', ')})` : '';
  return `[${f.severity}] ${f.rule}: ${f.message}${beacons}`;
}
