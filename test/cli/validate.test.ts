import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileHar, leaks, RAW_CONTROL } from '../helpers/hostile-har.js';
import { bin, type Run, root, run } from './run-bin.js';

// The real command, as users run it: bin/player-inspector.js on the compiled lib/ (`npm test` builds it
// first; a checkout without lib/ gets it built here).
const spec = (name: string) => join(root, 'test/fixtures/spec', name);
let tmp: string;

/** Exit 2 failures: exactly one line on stderr, and no stack trace. */
function expectOneLineFailure(r: Run, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  if (!existsSync(join(root, 'lib/cli/main.js'))) {
    try {
      execFileSync('npm', ['run', 'build:lib'], { cwd: root, stdio: 'ignore' });
    } catch {
      // tsc still emits when a file elsewhere has type errors; the command below tells if lib/ works.
    }
  }
  tmp = mkdtempSync(join(tmpdir(), 'pi-cli-'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('player-inspector validate', () => {
  it('passes a clean KAVA session, printing its timeline (exit 0)', async () => {
    const r = await run('validate', spec('kava-clean.har'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Kaltura KAVA session 8f3c2a10-/);
    for (const name of [
      'Player Impression',
      'Play Requested',
      'Play reached 100%',
      'Seek',
      'Resume',
      'View',
    ]) {
      expect(r.stdout).toContain(name);
    }
    expect(r.stdout).toMatch(/15 beacons in 1 session: 0 errors/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('fails a KAVA session with a lost beacon (exit 1)', async () => {
    const r = await run('validate', spec('kava-index-gap.har'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✖ error +kava\/event-index-sequence \(#4, #5\): eventIndex 7 follows 5/);
  });

  it('passes a clean JW VOD play and a legacy stats session', async () => {
    for (const file of ['jw-vod.har', 'stats.har']) {
      const r = await run('validate', spec(file));
      expect(r.code, `${file}: ${r.stdout}`).toBe(0);
      expect(r.stdout).toMatch(/ 0 errors/);
    }
  });

  it('validates several files together as JSON', async () => {
    const r = await run(
      'validate',
      spec('kava-clean.har'),
      spec('jw-vod.har'),
      spec('stats.har'),
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.sessions.map((s: { protocol: string }) => s.protocol).sort()).toEqual([
      'jw',
      'kaltura-stats',
      'kava',
    ]);
    expect(report.summary).toMatchObject({ beacons: 15 + 10 + 10, sessions: 3, errors: 0 });
    expect(report.beacons.map((b: { index: number }) => b.index)).toEqual([...Array(35).keys()]);
    const names = new Set(report.beacons.map((b: { event: { name: string } }) => b.event.name));
    for (const name of ['Player Impression', 'Setup', 'Widget Loaded', 'Play reached 75%'])
      expect(names).toContain(name);
  });

  it('writes JUnit and HTML reports to --out', async () => {
    const xml = join(tmp, 'report.xml');
    const r = await run('validate', spec('kava-index-gap.har'), '--format', 'junit', '--out', xml);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${xml}: 14 beacons, 1 sessions, 1 errors, 1 warnings\n`);
    expect(readFileSync(xml, 'utf8')).toMatch(/<testsuites [^>]*failures="1"/);
    const html = join(tmp, 'report.html');
    expect((await run('validate', spec('jw-vod.har'), '-f', 'html', '-o', html)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<svg [\s\S]*<\/html>\n$/);
  });

  it('reads a URL list with times', async () => {
    const har = JSON.parse(readFileSync(spec('jw-vod.har'), 'utf8'));
    const lines = har.log.entries.map(
      (e: { startedDateTime: string; request: { url: string } }) => `${e.startedDateTime} ${e.request.url}`,
    );
    const list = join(tmp, 'pings.txt');
    writeFileSync(list, `# JW pings copied from a proxy log\n\n${lines.join('\n')}\n`);
    const r = await run('validate', list, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ beacons: 10, sessions: 1, errors: 0 });
  });

  it('says so when a capture holds no beacon (exit 0)', async () => {
    const list = join(tmp, 'pages.txt');
    writeFileSync(list, 'https://www.example.com/\nhttps://www.example.com/app.js\n');
    const r = await run('validate', list);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('player-inspector: no analytics beacon among the 2 requests read\n');
    expect(r.stdout).toMatch(/^0 beacons in 0 sessions: 0 errors, 0 warnings, 0 infos\n$/);
  });

  it('applies a config: severity overrides, disabled rules, expectations', async () => {
    const off = join(tmp, 'off.json');
    writeFileSync(
      off,
      JSON.stringify({ rules: { 'kava/event-index-sequence': 'off', 'kava/view-interval': 'error' } }),
    );
    const r = await run('validate', spec('kava-index-gap.har'), '--config', off, '--format', 'json');
    expect(r.code).toBe(1);
    const rules = JSON.parse(r.stdout).findings.map(
      (f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`,
    );
    expect(rules).toContain('kava/view-interval:error');
    expect(rules.join()).not.toContain('kava/event-index-sequence');

    const expectPartner = join(tmp, 'expect.json');
    writeFileSync(
      expectPartner,
      JSON.stringify({ expect: { params: [{ protocol: 'kava', param: 'partnerId', equals: 999 }] } }),
    );
    const e = await run('validate', spec('kava-clean.har'), '-c', expectPartner);
    expect(e.code).toBe(1);
    expect(e.stdout).toContain('expect/param-value');
  });

  it('redacts ks unless --no-redact', async () => {
    const har = JSON.parse(readFileSync(spec('kava-clean.har'), 'utf8'));
    for (const e of har.log.entries)
      e.request.url = e.request.url.replace('&partnerId=', '&ks=djJ8c2VjcmV0&partnerId=');
    const file = join(tmp, 'with-ks.har');
    writeFileSync(file, JSON.stringify(har));
    const redacted = await run('validate', file, '--format', 'json');
    expect(redacted.stdout).not.toContain('djJ8c2VjcmV0');
    expect(JSON.parse(redacted.stdout).beacons[0].params.ks).toMatch(/^REDACTED:[0-9a-f]{4}:upto16$/);
    const kept = await run('validate', file, '--format', 'json', '--no-redact');
    expect(JSON.parse(kept.stdout).beacons[0].params.ks).toBe('djJ8c2VjcmV0');
    expect(JSON.parse(kept.stdout).secrets).toBe('included');
  });

  it('prints no secret and no control character of a hostile HAR, in any format', async () => {
    const hostile = hostileHar();
    const file = join(tmp, 'hostile.har');
    const config = join(tmp, 'hostile.config.json');
    writeFileSync(file, JSON.stringify(hostile.har));
    writeFileSync(config, JSON.stringify(hostile.config));
    for (const format of ['text', 'json', 'junit', 'html']) {
      const r = await run('validate', file, '-c', config, '--format', format);
      expect(r.code, r.stderr).toBe(1);
      expect(leaks(r.stdout, hostile.secrets), format).toEqual([]);
      if (format === 'text') {
        expect(r.stdout).not.toMatch(RAW_CONTROL);
        expect(r.stdout).toContain('\\x1b]0;owned\\x07');
      }
    }
    const kept = await run('validate', file, '-c', config, '--no-redact');
    expect(kept.stdout).toContain('Secrets included');
    expect(kept.stdout).not.toMatch(RAW_CONTROL);
  });

  it('exits 2 with one line for unusable input', async () => {
    expectOneLineFailure(
      await run('validate', join(tmp, 'missing.har')),
      /^player-inspector: .*missing\.har: no such file\n$/,
    );

    const cut = join(tmp, 'trace.har');
    writeFileSync(cut, readFileSync(spec('kava-clean.har'), 'utf8').slice(0, 5000));
    expectOneLineFailure(
      await run('validate', cut),
      /trace\.har: not valid JSON \(unexpected end at byte 5000\): the file looks truncated\n$/,
    );

    const notHar = join(tmp, 'not-a-har.json');
    writeFileSync(notHar, '{"hello": "world"}');
    expectOneLineFailure(
      await run('validate', notHar),
      /not-a-har\.json: not a HAR file \(no log\.entries array\)/,
    );

    const prose = join(tmp, 'notes.txt');
    writeFileSync(prose, 'these are my notes\n');
    expectOneLineFailure(await run('validate', prose), /notes\.txt:1: not a URL/);

    expectOneLineFailure(await run('validate', tmp), /is a directory/);
  });

  it('exits 2 for a bad or missing config, naming the key', async () => {
    const bad = join(tmp, 'bad-config.json');
    writeFileSync(bad, JSON.stringify({ rules: { 'kava/ordr': 'error' } }));
    expectOneLineFailure(
      await run('validate', spec('kava-clean.har'), '--config', bad),
      /bad-config\.json: rules\["kava\/ordr"\]: unknown rule id \(did you mean "kava\/order"\?\)\n$/,
    );
    expectOneLineFailure(
      await run('validate', spec('kava-clean.har'), '--config', join(tmp, 'nope.json')),
      /nope\.json: no such file/,
    );
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{"rules": ');
    expectOneLineFailure(
      await run('validate', spec('kava-clean.har'), '--config', broken),
      /broken\.json: not valid JSON/,
    );
  });

  it('exits 2 on usage mistakes', async () => {
    expectOneLineFailure(await run('validate'), /missing required argument 'file'/);
    expectOneLineFailure(
      await run('validate', spec('kava-clean.har'), '--format', 'pdf'),
      /argument 'pdf' is invalid/,
    );
    expectOneLineFailure(
      await run('validate', spec('kava-clean.har'), '--bogus'),
      /unknown option '--bogus'/,
    );
  });
});

/** Runs the command with a terminal as stdout (util-linux `script` allocates one). */
function runInTerminal(env: Record<string, string>, ...args: string[]): Promise<string> {
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, bin, ...args].map(quote).join(' ');
  return new Promise((done, fail) => {
    execFile(
      'script',
      ['-qec', command, '/dev/null'],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout) => (error && typeof error.code !== 'number' ? fail(error) : done(stdout)),
    );
  });
}

describe('colour', () => {
  it('colours the text report on a terminal, unless NO_COLOR is set', async () => {
    const coloured = await runInTerminal({ NO_COLOR: '' }, 'validate', spec('kava-index-gap.har'));
    expect(coloured).toContain('\u001b[31m');
    expect(coloured).toContain('kava/event-index-sequence');
    const plain = await runInTerminal({ NO_COLOR: '1' }, 'validate', spec('kava-index-gap.har'));
    expect(plain).toContain('kava/event-index-sequence');
    expect(plain).not.toContain('\u001b[');
  });
});

describe('player-inspector', () => {
  it('prints its version and help', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const v = await run('--version');
    expect(v).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = await run('validate', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: player-inspector validate [options] <file...>');
    expect(help.stdout).toContain('$ player-inspector validate capture.har --format junit --out report.xml');
    expect((await run('--help')).stdout).toMatch(/Commands:[\s\S]*validate/);
  });
});
