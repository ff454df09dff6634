import { InputError } from '../core/capture/har-import.js';
import { ConfigError } from '../core/config/validate-config.js';
import { OutOfMemoryError } from './memory.js';

/** Exit codes shared by every command: CI scripts depend on them. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

/** A problem with what the user gave us (files, options): one line on stderr, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Prints a failure as one line (no stack trace: a user error is not a crash) and returns exit 2.
 * Set PLAYER_INSPECTOR_DEBUG=1 to see the stack of an unexpected error.
 */
export function reportFailure(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  const expected =
    error instanceof InputError ||
    error instanceof ConfigError ||
    error instanceof UsageError ||
    error instanceof OutOfMemoryError;
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0] ?? '';
  stderr.write(`player-inspector: ${expected ? line : `internal error: ${line}`}\n`);
  if (!expected && process.env.PLAYER_INSPECTOR_DEBUG && error instanceof Error && error.stack) {
    stderr.write(`${error.stack}\n`);
  }
  return EXIT.unusable;
}
