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
export async function runCli(args: string[]): Promise<CliRun> {
  const marker = randomUUID();
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, CI: 'true', NO_COLOR: '1', PLAYER_INSPECTOR_TEST_MARKER: marker },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

/** Linux's /proc only: elsewhere the check finds nothing. */
async function processesWithMarker(marker: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (environ.includes(`PLAYER_INSPECTOR_TEST_MARKER=${marker}`)) found.push(Number(entry));
  }
  return found;
}
