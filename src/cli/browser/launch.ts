import { accessSync, constants, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer';
import { UsageError } from '../errors.js';

/**
 * Flags that keep Chromium quiet on closed networks and in containers: no sandbox (root in CI), no GPU,
 * no QUIC, and none of the background connections that a machine without internet refuses.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchChromiumOptions {
  headless?: boolean;
  /** Unpacked extension folders to load. */
  extensions?: string[];
  /** Extra Chromium arguments (e.g. --host-resolver-rules). */
  args?: string[];
  /** Open DevTools for each tab (needed to drive the real DevTools panel). */
  devtools?: boolean;
  /** Chromium binary; default: `findChromium()`. */
  executablePath?: string;
  /**
   * Let puppeteer kill Chromium and exit on Ctrl-C, SIGTERM and SIGHUP (default true); false when the
   * caller handles the signals (and closes the browser itself).
   */
  handleSignals?: boolean;
}

/** A browser with a fresh profile; `close()` also deletes the profile. */
export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Browsers launched and not closed yet, with their profiles: what `killBrowsersNow` ends. */
const open = new Map<Browser, string>();

export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<LaunchedBrowser> {
  const executablePath = options.executablePath ?? findChromium();
  const userDataDir = await mkdtemp(join(tmpdir(), 'player-inspector-'));
  const handleSignals = options.handleSignals ?? true;
  const launch: LaunchOptions = {
    executablePath,
    headless: options.headless ?? true,
    userDataDir,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
    devtools: options.devtools ?? false,
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
    // Over a pipe Chromium quits when its parent dies, even by SIGKILL: nothing is left running. (It is
    // also the only connection over which puppeteer loads extension folders.)
    pipe: true,
  };
  if (options.extensions?.length) launch.enableExtensions = options.extensions;
  let browser: Browser;
  try {
    browser = await puppeteer.launch(launch);
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  open.set(browser, userDataDir);
  return {
    browser,
    async close() {
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      open.delete(browser);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Kills every Chromium launched here and deletes its profile, synchronously: for a second Ctrl-C,
 * when there is no time left for a polite close.
 */
export function killBrowsersNow(): void {
  for (const [browser, profile] of open) {
    const pid = browser.process()?.pid;
    if (pid !== undefined) {
      try {
        // puppeteer starts Chromium as a process group leader: its renderers and helpers go too.
        process.kill(-pid, 'SIGKILL');
      } catch {
        browser.process()?.kill('SIGKILL');
      }
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    open.delete(browser);
  }
}

/** System Chromium names looked up on PATH, in order. */
const SYSTEM_CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * The Chromium to run, wherever the CLI is started: PUPPETEER_EXECUTABLE_PATH, then a system Chromium
 * on PATH, then the browser puppeteer downloaded. (puppeteer's own configuration file is read from
 * the working directory, so it cannot be relied on outside the repository.) A `UsageError` names
 * everything tried when none is there.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const tried: string[] = [];
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    tried.push(`PUPPETEER_EXECUTABLE_PATH=${fromEnv} (not an executable file)`);
  } else tried.push('PUPPETEER_EXECUTABLE_PATH (not set)');
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of SYSTEM_CHROMIUM) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  tried.push(`${SYSTEM_CHROMIUM.join(', ')} on PATH (none found)`);
  let bundled: string | undefined;
  try {
    bundled = puppeteer.executablePath();
  } catch {
    bundled = undefined;
  }
  // puppeteer answers with PUPPETEER_EXECUTABLE_PATH itself when that is set.
  if (bundled === fromEnv) bundled = undefined;
  if (bundled && isExecutable(bundled)) return bundled;
  tried.push(`puppeteer's browser${bundled ? ` ${bundled}` : ''} (not installed)`);
  throw new UsageError(
    `no Chromium found: tried ${tried.join('; ')}. Install Chromium, set PUPPETEER_EXECUTABLE_PATH or run \`npx puppeteer browsers install chrome\``,
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
