import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer';

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
  /** Chromium binary; default: puppeteer's configuration (.puppeteerrc.cjs finds a system Chromium). */
  executablePath?: string;
  /** Let puppeteer kill Chromium and exit on Ctrl-C (default true); false when the caller handles SIGINT. */
  handleSIGINT?: boolean;
}

/** A browser with a fresh profile; `close()` also deletes the profile. */
export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'player-inspector-'));
  const launch: LaunchOptions = {
    headless: options.headless ?? true,
    userDataDir,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
    devtools: options.devtools ?? false,
    handleSIGINT: options.handleSIGINT ?? true,
  };
  const executablePath = options.executablePath ?? process.env.PUPPETEER_EXECUTABLE_PATH;
  if (executablePath) launch.executablePath = executablePath;
  if (options.extensions?.length) {
    launch.enableExtensions = options.extensions;
    // puppeteer loads extension folders only over a pipe connection (Extensions.loadUnpacked).
    launch.pipe = true;
  }
  let browser: Browser;
  try {
    browser = await puppeteer.launch(launch);
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    async close() {
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
