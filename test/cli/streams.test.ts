import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeUrlList } from '../helpers/large-capture.js';

// The real command on pipes, FIFOs and small heaps (`npm test` builds lib/ first).
const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/player-inspector.js');
const har = join(root, 'test/fixtures/kaltura.har');
let tmp: string;
let large: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI through a shell command line (`… | player-inspector validate -`). */
function shell(line: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      '/bin/sh',
      ['-c', line],
      { cwd: root, env: { ...process.env, NO_COLOR: '1', PI: `${process.execPath} ${bin}`, ...env } },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pi-streams-'));
  large = join(tmp, 'large.txt');
  writeFileSync(large, largeUrlList(200));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('validate reads its input once, as a stream', () => {
  const summary = /21 beacons in 1 session: 0 errors/;

  it('- reads a HAR from stdin', async () => {
    const r = await shell(`cat "${har}" | $PI validate -`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(summary);
  });

  it('/dev/stdin is a pipe like any other file', async () => {
    const r = await shell(`cat "${har}" | $PI validate /dev/stdin --format json`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.beacons).toBe(21);
  });

  it('a URL list from stdin', async () => {
    const r = await shell(`head -n 30 "${large}" | $PI validate - --format json`);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary.beacons).toBe(30);
  });

  it('a FIFO is read, not waited on forever', async () => {
    const fifo = join(tmp, 'capture.fifo');
    const r = await shell(`mkfifo "${fifo}" && (cat "${har}" > "${fifo}" &) && $PI validate "${fifo}"`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(summary);
  });

  it('an empty pipe is an empty file', async () => {
    const r = await shell(`printf '' | $PI validate -`);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('player-inspector: stdin: the file is empty');
  });

  it('- twice is a usage error', async () => {
    const r = await shell(`printf '' | $PI validate - -`);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('player-inspector: - (stdin) can be given only once');
  });
});

describe('output', () => {
  it('a reader that stops early (| head) ends the command quietly', async () => {
    for (const format of ['json', 'text', 'html', 'junit']) {
      const child = spawn(process.execPath, [bin, 'validate', large, '--format', format], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      // Like `head -c 100`: read a little, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(stderr, format).toBe('');
      expect(code, format).toBe(1);
    }
  });
});

describe('config patterns', () => {
  it('a catastrophic-backtracking pattern on a hostile value does not hang validate', async () => {
    const config = join(tmp, 'redos.json');
    writeFileSync(config, JSON.stringify({ expect: { params: [{ param: 'entryId', matches: '^(a+)+$' }] } }));
    const list = join(tmp, 'redos.txt');
    const url = (entryId: string) =>
      `https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent&eventType=1&partnerId=1&entryId=${entryId}&sessionId=s&eventIndex=1&position=0`;
    // A backtracking engine takes 2^60 steps on the first value before it can answer.
    writeFileSync(list, `1700000000000 ${url(`${'a'.repeat(60)}!`)}\n`);
    const r = await shell(`$PI validate "${list}" --config "${config}" --format json`);
    const findings = JSON.parse(r.stdout).findings.filter(
      (f: { rule: string }) => f.rule === 'expect/param-value',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('expected a value matching /^(a+)+$/');
  });
});
