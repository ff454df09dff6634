import browser from 'webextension-polyfill';
import type { Config } from '../core/config/config.js';

/**
 * The expectations config (`player-inspector.config.json`) lives in storage.local: the text as the user
 * wrote it (to edit again) and the validated object (what the inspectors use).
 */
export const CONFIG_KEY = 'config';

export interface StoredConfig {
  text: string;
  config: Config;
}

export async function loadConfig(): Promise<StoredConfig | undefined> {
  const got = await browser.storage.local.get(CONFIG_KEY);
  return got[CONFIG_KEY] as StoredConfig | undefined;
}

export async function saveConfig(value: StoredConfig | undefined): Promise<void> {
  if (value) await browser.storage.local.set({ [CONFIG_KEY]: value });
  else await browser.storage.local.remove(CONFIG_KEY);
}

/** Calls back whenever the stored config changes (the panel saved a new one). */
export function onConfigChange(callback: (value: StoredConfig | undefined) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[CONFIG_KEY];
    if (area === 'local' && change) callback(change.newValue as StoredConfig | undefined);
  });
}
