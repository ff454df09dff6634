import { readFile } from 'node:fs/promises';
import type { CapturedRequest } from '../core/capture/captured-request.js';
import { InputError, importHar } from '../core/capture/har-import.js';
import { importUrlList } from '../core/capture/url-list-import.js';

export interface InputFile {
  requests: CapturedRequest[];
  /** HAR entries left out (no request URL). */
  skipped: number;
  format: 'har' | 'url-list';
}

/**
 * Reads one capture file: JSON is read as a HAR, anything else as a URL list. Every problem is an
 * `InputError` with a one-line message naming the file.
 */
export async function readInputFile(path: string, idPrefix = ''): Promise<InputFile> {
  const text = await readText(path);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed === '') {
    const { requests, skipped } = importHar(text, { name: path, idPrefix });
    return { requests, skipped, format: 'har' };
  }
  if (text.includes('\u0000')) throw new InputError(`${path}: not a HAR file or URL list (binary data)`);
  return { requests: importUrlList(text, { name: path, idPrefix }), skipped: 0, format: 'url-list' };
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
