import { describe, expect, it } from 'vitest';
import { KavaSession, realPlayerSession, withParams } from '../../../test/helpers/kava-session.js';
import { Inspector } from '../inspector.js';
import { diffCaptures } from './diff.js';
import { renderDiff } from './report.js';

function input() {
  const baseline = new Inspector();
  baseline.addAll(realPlayerSession());
  const candidate = new Inspector();
  const hostile = '<img src=x onerror=alert(1)>';
  candidate.addAll(
    realPlayerSession(new KavaSession('b', 1_700_000_500_000)).map((r) =>
      withParams(r, { customVar1: hostile }),
    ),
  );
  return { baseline: 'golden.har', candidate: 'new.har', result: diffCaptures(baseline, candidate) };
}

describe('diff reports', () => {
  it('text groups one change on many beacons into one line and gives the verdict', () => {
    const text = renderDiff('text', input());
    expect(text).toContain('param added     customVar1 added ("<img src=x onerror=alert(1)>") on 15 beacons');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Not equivalent: 15 differences matter');
  });

  it('html and junit escape every captured value; json lists each difference', () => {
    const html = renderDiff('html', input());
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Content-Security-Policy');
    const junit = renderDiff('junit', input());
    expect(junit).not.toContain('<img');
    expect(junit).toMatch(/<testcase classname="diff.kava" name="parameters"><failure/);
    expect(junit).toContain('<testcase classname="diff.kava" name="events"/>');
    const json = JSON.parse(renderDiff('json', input()));
    expect(json).toMatchObject({ equivalent: false, summary: { differences: 15, matter: 15 } });
    expect(json.differences[0]).toMatchObject({ kind: 'param-added', param: 'customVar1' });
  });
});
