import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processesWithMarker, startCli } from './helpers/run-cli.js';
import { startTinySite, type TinySite } from './helpers/tiny-site.js';

// A real audit process with a real Chromium, interrupted while a step runs.
let site: TinySite;
let dir: string;
let scenario: string;

beforeAll(async () => {
  site = await startTinySite();
  dir = await mkdtemp(join(tmpdir(), 'pi-signals-'));
  scenario = join(dir, 'long.json');
  await writeFile(
    scenario,
    JSON.stringify({
      steps: [{ action: 'waitForPlayer' }, { action: 'play' }, { action: 'wait', seconds: 120 }],
    }),
  );
});

afterAll(async () => {
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Running {
  child: ReturnType<typeof startCli>['child'];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Chromium's processes (they carry the marker) and its profile folder. */
  chromium: number[];
  profile: string;
}

/** Starts an audit and resolves once its long wait step runs, Chromium up. */
async function auditInLongStep(): Promise<Running> {
  const { child, marker } = startCli(['audit', site.url, '--scenario', scenario, '--timeout', '20']);
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('[3/3] wait')) resolve();
    });
    void exited.then(() => reject(new Error(`the audit ended before its last step:\n${stderr}`)));
  });
  const chromium = (await processesWithMarker(marker)).filter((pid) => pid !== child.pid);
  let profile = '';
  for (const pid of chromium) {
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
    profile ||= args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length) ?? '';
  }
  return { child, stderr: () => stderr, exited, chromium, profile };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Chromium's processes end with their parent; polled until they have (a bound, not an assertion). */
async function survivors(pids: readonly number[]): Promise<number[]> {
  for (let i = 0; i < 100 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive);
}

describe('audit interrupted by a signal', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal}: exit ${code}, "interrupted", profile removed, no Chromium left`, async () => {
      const run = await auditInLongStep();
      expect(run.chromium.length).toBeGreaterThan(0);
      expect(existsSync(run.profile)).toBe(true);
      run.child.kill(signal);
      const { code: exitCode } = await run.exited;
      expect(exitCode).toBe(code);
      expect(run.stderr()).toContain(`player-inspector: audit interrupted (${signal})`);
      expect(run.stderr()).not.toContain('failed');
      expect(existsSync(run.profile)).toBe(false);
      expect(await survivors(run.chromium)).toEqual([]);
    });
  }

  it('a second Ctrl-C ends at once and still removes the profile', async () => {
    const run = await auditInLongStep();
    run.child.kill('SIGINT');
    // The first is being handled (the browser closing politely) when the second comes.
    await new Promise((r) => setTimeout(r, 100));
    run.child.kill('SIGINT');
    const { code } = await run.exited;
    expect(code).toBe(130);
    expect(run.stderr()).toContain('player-inspector: audit interrupted (SIGINT)');
    expect(existsSync(run.profile)).toBe(false);
    expect(await survivors(run.chromium)).toEqual([]);
  });

  it('SIGKILL of the CLI leaves no Chromium running', async () => {
    const run = await auditInLongStep();
    run.child.kill('SIGKILL');
    const { signal } = await run.exited;
    expect(signal).toBe('SIGKILL');
    expect(await survivors(run.chromium)).toEqual([]);
    // Nobody was left to delete the profile: the test does.
    await rm(run.profile, { recursive: true, force: true });
  });
});
