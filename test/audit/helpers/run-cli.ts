import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/player-inspector.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Processes still alive after the CLI exited that it started (Chromium inherits the marker). */
  leftovers: number[];
}

/**
 * Runs the built CLI (`npm test` builds lib/ first) as CI would. Every process it starts inherits a
 * unique environment marker, so leftover Chromium processes can be found without touching any other.
 */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const { child, marker } = startCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, leftovers: await processesWithMarker(marker) };
}

export interface CliOptions {
  /** Working directory (default: this one). */
  cwd?: string;
  /** Variables to set; `undefined` removes one. */
  env?: NodeJS.ProcessEnv;
}

/** Starts the built CLI with a fresh marker; the caller reads its output and waits for it. */
export function startCli(args: string[], options: CliOptions = {}) {
  const marker = randomUUID();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: 'true',
    NO_COLOR: '1',
    ...options.env,
    PLAYER_INSPECTOR_TEST_MARKER: marker,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const child = spawn(process.execPath, [BIN, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return { child, marker };
}

/** Linux's /proc only: elsewhere the check finds nothing. */
export async function processesWithMarker(marker: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (environ.includes(`PLAYER_INSPECTOR_TEST_MARKER=${marker}`)) found.push(Number(entry));
  }
  return found;
}
