import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, run } from './run-bin.js';

// The real `diff` command on HAR files recorded from the demo (and the JSON reports `validate` writes).
const fixture = (name: string) => join(root, 'test/fixtures', `${name}.har`);
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pi-diff-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('player-inspector diff', () => {
  it('finds a capture equivalent to itself and exits 0', async () => {
    const r = await run('diff', fixture('kaltura'), fixture('kaltura'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Equivalent: no difference that matters');
  });

  it('names the session id that became empty, and exits 1', async () => {
    const r = await run('diff', fixture('kaltura'), fixture('kaltura-no-session'), '--format', 'json');
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as {
      equivalent: boolean;
      differences: { kind: string; param?: string }[];
    };
    expect(report.equivalent).toBe(false);
    expect(report.differences).toContainEqual(
      expect.objectContaining({ kind: 'format-changed', param: 'sessionId' }),
    );
  });

  it('reads the JSON reports validate writes, and writes JUnit and HTML with --out', async () => {
    const reports = ['kaltura', 'kaltura-no-partner-id'].map((name) => join(tmp, `${name}.json`));
    for (const [i, name] of ['kaltura', 'kaltura-no-partner-id'].entries()) {
      expect((await run('validate', fixture(name), '--format', 'json', '--out', reports[i]!)).code).not.toBe(
        2,
      );
    }
    const xml = join(tmp, 'diff.xml');
    const junit = await run('diff', reports[0]!, reports[1]!, '--format', 'junit', '--out', xml);
    expect(junit.code, junit.stderr).toBe(1);
    expect(junit.stdout).toContain('not equivalent');
    const text = readFileSync(xml, 'utf8');
    expect(text).toMatch(
      /<testcase classname="diff.kava" name="parameters"><failure message="partnerId changed format: a number became empty/,
    );
    const html = join(tmp, 'diff.html');
    expect((await run('diff', reports[0]!, reports[1]!, '--format', 'html', '--out', html)).code).toBe(1);
    expect(readFileSync(html, 'utf8')).toContain('<code>partnerId</code>');
  });

  it('lets the config allow a difference', async () => {
    const config = join(tmp, 'allow.json');
    writeFileSync(
      config,
      JSON.stringify({
        diff: {
          ignoreParams: [{ protocol: 'kava', param: 'sessionId' }],
          ignoreRules: ['kava/missing-required'],
        },
      }),
    );
    const r = await run('diff', fixture('kaltura'), fixture('kaltura-no-session'), '--config', config);
    expect(r.code, r.stdout).toBe(0);
  });

  it('exits 2 with one line for unusable input', async () => {
    const empty = join(tmp, 'empty.har');
    writeFileSync(empty, JSON.stringify({ log: { version: '1.2', entries: [] } }));
    const cases: [string[], RegExp][] = [
      [[fixture('kaltura'), join(tmp, 'missing.har')], /missing\.har: no such file/],
      [[empty, fixture('kaltura')], /empty\.har: no analytics beacon to compare/],
      [[fixture('kaltura')], /missing required argument 'candidate'/],
    ];
    for (const [args, pattern] of cases) {
      const r = await run('diff', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
