import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { CapturedRequest } from '../core/capture/captured-request.js';
import { InputError, requestsFromEntriesAsync } from '../core/capture/har-import.js';
import { streamHarEntriesAsync } from '../core/capture/har-stream.js';
import { importUrlList } from '../core/capture/url-list-import.js';

export interface InputFile {
  /**
   * The file's requests, in order. A HAR's are read as they are consumed, one entry at a time, so a
   * 200 MB capture never sits in memory: iterate once.
   */
  requests: AsyncIterable<CapturedRequest>;
  /** HAR entries left out (no request URL): final once `requests` has been consumed. */
  skipped(): number;
  format: 'har' | 'url-list';
  /** The input's first non-blank text (its first chunk, white space trimmed at the start). */
  head: string;
  /** The whole input as one string, read instead of `requests` (a JSON report is not streamed). */
  text(): Promise<string>;
}

/** The argument that means standard input. */
export const STDIN = '-';

/** Bytes read from a file at a time. */
const CHUNK_BYTES = 1 << 20;

/**
 * Reads one capture: JSON is read as a HAR (streamed), anything else as a URL list. `-` is standard
 * input. The input is read once, front to back, so a pipe, `/dev/stdin` or a FIFO work like a file.
 * Every problem is an `InputError` with a one-line message naming the input, thrown here or while
 * iterating `requests`.
 */
export async function readInputFile(path: string, idPrefix = ''): Promise<InputFile> {
  const name = path === STDIN ? 'stdin' : path;
  const chunks = textChunks(path, name)[Symbol.asyncIterator]();
  // The first non-blank text tells a HAR from a URL list; what was read to see it is kept.
  const head: string[] = [];
  let first = '';
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    first = next.value.trimStart();
    if (first !== '') break;
  }
  const all = async function* () {
    yield* head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  };
  const text = async () => {
    const pieces: string[] = [];
    for await (const chunk of all()) pieces.push(chunk);
    return pieces.join('');
  };
  if (first === '' || first.startsWith('{') || first.startsWith('[')) {
    let skipped = 0;
    const requests = requestsFromEntriesAsync(streamHarEntriesAsync(all(), name), { name, idPrefix }, () => {
      skipped += 1;
    });
    return { requests, skipped: () => skipped, format: 'har', head: first, text };
  }
  const whole = await text();
  if (whole.includes('\u0000')) throw new InputError(`${name}: not a HAR file or URL list (binary data)`);
  const list = importUrlList(whole, { name, idPrefix });
  return {
    requests: fromArray(list),
    skipped: () => 0,
    format: 'url-list',
    head: first,
    text: async () => whole,
  };
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** An input's text in chunks, decoded as UTF-8 (a character split between two reads is kept whole). */
async function* textChunks(path: string, name: string): AsyncGenerator<string> {
  const stream: Readable =
    path === STDIN ? process.stdin : createReadStream(path, { highWaterMark: CHUNK_BYTES });
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) yield chunk as string;
  } catch (error) {
    throw new InputError(`${name}: ${fileProblem(error)}`);
  } finally {
    if (path !== STDIN) stream.destroy();
  }
}

export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
