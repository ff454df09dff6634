import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The repository, and the CLI as users run it (bin/ on the compiled lib/, which `npm test` builds). */
export const root = resolve(import.meta.dirname, '../..');
export const bin = join(root, 'bin/player-inspector.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from the repository without colours; never rejects (a failed run is its exit code). */
export function run(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, env: { ...process.env, NO_COLOR: '' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
