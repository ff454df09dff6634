import { groupBy, groupFindings } from '../rules/finding-groups.js';
import type { Finding } from '../rules/rule.js';
import { escapeXml } from './escape.js';
import type { ReportSource } from './source.js';

/**
 * JUnit XML for CI: one testsuite per session, one testcase per rule run on it; a rule's error
 * findings are its failures, warnings and infos go to the testcase's output. Findings about no
 * captured session (an audit expectation on a page that sent nothing of that protocol) get a suite of
 * their own, so they still fail the build.
 */
export function renderJunit(source: ReportSource): string {
  const findings = source.findings();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const addSuite = (name: string, cases: TestCase[], timestamp = '') => {
    const failed = cases.filter((c) => c.failed).length;
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${escapeXml(name)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0"${timestamp}>\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>`,
    );
  };

  const { bySession } = groupFindings(findings);
  const sessionKeys = new Set<string>();
  for (const session of source.sessions()) {
    sessionKeys.add(session.key);
    const byRule = groupBy(bySession.get(session.key) ?? [], (f) => f.rule);
    const classname = `${session.protocol}.${session.id || '(no session id)'}`;
    const ran = source.rulesFor(session.protocol).map(({ rule }) => rule.id);
    // Rules judged over the whole capture (truth/…) have a case where they found something.
    const others = [...byRule.keys()].filter((id) => !ran.includes(id));
    const cases = [...ran, ...others].map((id) => testCase(classname, id, byRule.get(id) ?? []));
    const first = session.beacons[0]?.time;
    const timestamp = first === undefined ? '' : ` timestamp="${new Date(first).toISOString().slice(0, 19)}"`;
    addSuite(`${session.protocol} session ${session.id || '(no session id)'}`, cases, timestamp);
  }

  const orphans = findings.filter(
    (f) => f.sessionId === undefined || !sessionKeys.has(`${f.protocol}:${f.sessionId}`),
  );
  if (orphans.length) {
    const cases = [...groupBy(orphans, (f) => f.rule)].map(([id, list]) => testCase('capture', id, list));
    addSuite('capture (findings outside any session)', cases);
  }

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="player-inspector" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

interface TestCase {
  xml: string;
  failed: boolean;
}

function testCase(classname: string, ruleId: string, ofRule: readonly Finding[]): TestCase {
  const errors = ofRule.filter((f) => f.severity === 'error');
  const others = ofRule.filter((f) => f.severity !== 'error');
  const body = [
    ...errors.map(
      (f) =>
        `<failure message="${escapeXml(f.message)}" type="${escapeXml(ruleId)}">${escapeXml(details(f))}</failure>`,
    ),
    others.length ? `<system-out>${escapeXml(others.map(details).join('\n'))}</system-out>` : '',
  ].join('');
  const attrs = `classname="${escapeXml(classname)}" name="${escapeXml(ruleId)}"`;
  return {
    xml: body ? `    <testcase ${attrs}>${body}</testcase>` : `    <testcase ${attrs}/>`,
    failed: errors.length > 0,
  };
}

function details(f: Finding): string {
  const beacons = f.beacons.length ? ` (beacons ${f.beacons.map((i) => `#${i}`).join(', ')})` : '';
  return `[${f.severity}] ${f.rule}: ${f.message}${beacons}`;
}
