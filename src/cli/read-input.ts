import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { CapturedRequest } from '../core/capture/captured-request.js';
import { InputError, requestsFromEntries } from '../core/capture/har-import.js';
import { streamHarEntries } from '../core/capture/har-stream.js';
import { importUrlList } from '../core/capture/url-list-import.js';

export interface InputFile {
  /**
   * The file's requests, in order. A HAR's are read from disk as they are consumed, one entry at a time,
   * so a 200 MB capture never sits in memory: iterate once.
   */
  requests: Iterable<CapturedRequest>;
  /** HAR entries left out (no request URL): final once `requests` has been consumed. */
  skipped(): number;
  format: 'har' | 'url-list';
}

/** Bytes read from a HAR at a time. */
const CHUNK_BYTES = 1 << 20;

/**
 * Reads one capture file: JSON is read as a HAR (streamed), anything else as a URL list. Every problem
 * is an `InputError` with a one-line message naming the file, thrown here or while iterating `requests`.
 */
export async function readInputFile(path: string, idPrefix = ''): Promise<InputFile> {
  const head = firstText(path);
  if (head === '' || head.startsWith('{') || head.startsWith('[')) {
    let skipped = 0;
    const entries = streamHarEntries(fileChunks(path), path);
    const requests = requestsFromEntries(entries, { name: path, idPrefix }, () => {
      skipped += 1;
    });
    return { requests, skipped: () => skipped, format: 'har' };
  }
  const text = await readText(path);
  if (text.includes('\u0000')) throw new InputError(`${path}: not a HAR file or URL list (binary data)`);
  return { requests: importUrlList(text, { name: path, idPrefix }), skipped: () => 0, format: 'url-list' };
}

/** The first non-blank text of a file ('' when the first chunk is all white space). */
export function firstText(path: string): string {
  for (const chunk of fileChunks(path)) return chunk.trimStart();
  return '';
}

/** A file's text in chunks, decoded as UTF-8 (a character split between two reads is kept whole). */
function* fileChunks(path: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new InputError(`${path}: ${fileProblem(error)}`);
  }
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const decoder = new StringDecoder('utf8');
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch (error) {
        throw new InputError(`${path}: ${fileProblem(error)}`);
      }
      if (read === 0) break;
      yield decoder.write(buffer.subarray(0, read));
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** A file's text, or an `InputError` saying in words why it cannot be read. */
export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: ${fileProblem(error)}`);
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
