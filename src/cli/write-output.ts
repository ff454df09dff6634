import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { UsageError } from './errors.js';
import { checkMemory } from './memory.js';
import { fileProblem } from './read-input.js';

/** Characters handed to the stream at a time: pieces of a report are small, writes should not be. */
const BATCH = 1 << 16;

let stdoutGone = false;
let watching = false;

/**
 * Once stdout's reader has gone (`| head`, a closed terminal) nothing more is written there and no
 * error is raised: the command ends quietly with its own exit code. Installed once, by `main`.
 */
export function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', () => {
    stdoutGone = true;
  });
}

/** Writes a report to stdout as it is made, batched and with back-pressure. */
export async function writeToStdout(chunks: Iterable<string>): Promise<void> {
  await pump(process.stdout, chunks, () => stdoutGone);
}

/** Writes a report to a file as it is made; a file that cannot be written is a `UsageError`. */
export async function writeToFile(path: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let failure: unknown;
  out.on('error', (error) => {
    failure ??= error;
  });
  await pump(out, chunks, () => failure !== undefined);
  out.end();
  await finished(out).catch((error: unknown) => {
    failure ??= error;
  });
  if (failure !== undefined) {
    throw new UsageError(`${path}: cannot write the report (${fileProblem(failure)})`);
  }
}

async function pump(out: Writable, chunks: Iterable<string>, failed: () => boolean): Promise<void> {
  let batch = '';
  const send = async () => {
    checkMemory('while writing the report');
    if (!out.write(batch)) await drained(out);
    batch = '';
    // Lets stream errors (a reader gone) arrive: a pipe to a terminal or `head` is written synchronously.
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (const chunk of chunks) {
    if (failed()) return;
    batch += chunk;
    if (batch.length >= BATCH) await send();
  }
  if (batch && !failed()) await send();
}

function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}
