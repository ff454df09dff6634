import { groupBy, groupFindings, sessionKeyOf } from '../rules/finding-groups.js';
import type { Finding } from '../rules/rule.js';
import { beaconList } from './beacon-list.js';
import { escapeXml } from './escape.js';
import { reportView } from './redacted-view.js';
import type { ReportOptions, ReportSource } from './source.js';

/**
 * JUnit XML for CI: one testsuite per session, one testcase per rule run on it; a rule's error
 * findings are its failures, warnings and infos go to the testcase's output. Findings about no
 * captured session (an audit expectation on a page that sent nothing of that protocol) get a suite of
 * their own, so they still fail the build.
 */
export function renderJunit(source: ReportSource, options: ReportOptions = {}): string {
  return [...junitChunks(source, options)].join('');
}

interface Suite {
  name: string;
  timestamp: string;
  cases: { classname: string; ruleId: string; findings: readonly Finding[] }[];
}

/**
 * The JUnit XML suite by suite: the totals of the root element are counted first from the findings,
 * then each suite's XML is made as it is written, so the document is never one string.
 */
export function* junitChunks(original: ReportSource, options: ReportOptions = {}): Generator<string> {
  const source = reportView(original, options);
  const findings = source.findings();
  const suites: Suite[] = [];
  const { bySession } = groupFindings(findings);
  const sessionKeys = new Set<string>();
  for (const session of source.sessions()) {
    sessionKeys.add(session.key);
    const byRule = groupBy(bySession.get(session.key) ?? [], (f) => f.rule);
    const playback = (session.playbackNumber ?? 1) > 1 ? ` playback ${session.playbackNumber}` : '';
    const classname = `${session.protocol}.${session.id || '(no session id)'}${playback.replace(' ', '.')}`;
    const ran = source.rulesFor(session.protocol).map(({ rule }) => rule.id);
    // Rules judged over the whole capture (truth/…) have a case where they found something.
    const others = [...byRule.keys()].filter((id) => !ran.includes(id));
    const cases = [...ran, ...others].map((ruleId) => ({
      classname,
      ruleId,
      findings: byRule.get(ruleId) ?? [],
    }));
    const first = session.beacons[0]?.time;
    const timestamp = first === undefined ? '' : ` timestamp="${new Date(first).toISOString().slice(0, 19)}"`;
    suites.push({
      name: `${session.protocol} session ${session.id || '(no session id)'}${playback}`,
      timestamp,
      cases,
    });
  }

  const orphans = findings.filter((f) => {
    const key = sessionKeyOf(f);
    return key === undefined || !sessionKeys.has(key);
  });
  if (orphans.length) {
    const cases = [...groupBy(orphans, (f) => f.rule)].map(([ruleId, list]) => ({
      classname: 'capture',
      ruleId,
      findings: list,
    }));
    suites.push({ name: 'capture (findings outside any session)', timestamp: '', cases });
  }

  const failed = (c: Suite['cases'][number]) => c.findings.some((f) => f.severity === 'error');
  let tests = 0;
  let failures = 0;
  for (const suite of suites) {
    tests += suite.cases.length;
    failures += suite.cases.filter(failed).length;
  }
  const secrets = source.redacted
    ? ''
    : '<!-- secrets included: ks and other secret values are not redacted -->\n';
  yield `<?xml version="1.0" encoding="UTF-8"?>\n${secrets}<testsuites name="player-inspector" tests="${tests}" failures="${failures}" errors="0">\n`;
  for (const suite of suites) {
    const cases = suite.cases.map((c) => testCase(c.classname, c.ruleId, c.findings));
    yield `  <testsuite name="${escapeXml(suite.name)}" tests="${cases.length}" failures="${cases.filter((c) => c.failed).length}" errors="0" skipped="0"${suite.timestamp}>\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>\n`;
  }
  yield '</testsuites>\n';
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
  const beacons = f.beacons.length ? ` (beacons ${beaconList(f.beacons)})` : '';
  return `[${f.severity}] ${f.rule}: ${f.message}${beacons}`;
}
