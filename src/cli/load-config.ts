import { readFile } from 'node:fs/promises';
import type { Config } from '../core/config/config.js';
import { ConfigError, parseConfig } from '../core/config/validate-config.js';
import { fileProblem } from './read-input.js';

/** Reads and validates a config file; a missing, unreadable or invalid one is a `ConfigError`. */
export async function loadConfig(path: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: ${fileProblem(error)}`);
  }
  return parseConfig(text, { name: path });
}
