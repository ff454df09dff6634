import browser from 'webextension-polyfill';
import type { TabState } from '../wire.js';

export const DEFAULT_CAP = 50_000;

/**
 * Per-tab settings and counters, cached in memory and mirrored to storage.session so that they survive
 * a worker restart (and vanish with the browser session, like the tabs they describe).
 */
export class TabStates {
  private cache = new Map<number, Promise<TabState>>();

  constructor(private readonly countStored: (tabId: number) => Promise<number>) {}

  get(tabId: number): Promise<TabState> {
    let state = this.cache.get(tabId);
    if (!state) {
      state = this.load(tabId);
      this.cache.set(tabId, state);
    }
    return state;
  }

  async update(tabId: number, change: Partial<TabState>): Promise<TabState> {
    const state = Object.assign(await this.get(tabId), change);
    await browser.storage.session.set({ [key(tabId)]: state });
    return state;
  }

  async forget(tabId: number): Promise<void> {
    this.cache.delete(tabId);
    await browser.storage.session.remove(key(tabId));
  }

  private async load(tabId: number): Promise<TabState> {
    const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabState | undefined;
    // The count is re-read from the store: it is the truth after a restart.
    const count = await this.countStored(tabId);
    return { recording: true, preserveLog: true, dropped: 0, cap: DEFAULT_CAP, ...stored, count };
  }
}

function key(tabId: number): string {
  return `tab:${tabId}`;
}
