import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { startTinySite, type TinySite } from './helpers/tiny-site.js';

// The CLI finds a Chromium wherever it runs, not only where puppeteer's config file is.
let site: TinySite;
let dir: string;
let scenario: string;
/** An empty puppeteer cache: puppeteer's own browser is not installed there. */
let cache: string;

beforeAll(async () => {
  site = await startTinySite();
  dir = await mkdtemp(join(tmpdir(), 'pi-chromium-'));
  cache = await mkdtemp(join(tmpdir(), 'pi-cache-'));
  scenario = join(dir, 'short.json');
  await writeFile(scenario, JSON.stringify({ steps: [{ action: 'waitForPlayer' }] }));
});

afterAll(async () => {
  await site?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

describe('audit finds Chromium', () => {
  it('run outside the repository, it uses the system Chromium on PATH', async () => {
    const run = await runCli(['audit', site.url, '--scenario', scenario, '--timeout', '20'], {
      cwd: dir,
      env: { PUPPETEER_EXECUTABLE_PATH: undefined, PUPPETEER_CACHE_DIR: cache },
    });
    expect(run.stderr).not.toContain('player-inspector: ');
    expect(run.code).toBe(0);
    expect(run.leftovers).toEqual([]);
  });

  it('without any Chromium, the error names everything it tried', async () => {
    const run = await runCli(['audit', site.url, '--scenario', scenario], {
      cwd: dir,
      env: {
        PUPPETEER_EXECUTABLE_PATH: join(dir, 'no-such-chrome'),
        PUPPETEER_CACHE_DIR: cache,
        // No Chromium there (node is run by its full path).
        PATH: dir,
      },
    });
    expect(run.code).toBe(2);
    const line = run.stderr.trim().split('\n').at(-1) ?? '';
    expect(line).toMatch(
      /^player-inspector: no Chromium found: tried PUPPETEER_EXECUTABLE_PATH=.*no-such-chrome \(not an executable file\); chromium, chromium-browser, google-chrome, google-chrome-stable on PATH \(none found\); puppeteer's browser( .*)? \(not installed\)\. /,
    );
  });
});
