import browser from 'webextension-polyfill';

export type Theme = 'light' | 'dark';

/**
 * Which tab the panel inspects and its theme. Inside DevTools both come from `devtools` APIs; the
 * panel page opened on its own (tests, a pinned tab) takes `?tabId=` and `?theme=` instead, and
 * otherwise follows prefers-color-scheme.
 */
export function panelContext(location: Location): { tabId: number | undefined; theme: Theme } {
  const query = new URLSearchParams(location.search);
  const devtools = browser.devtools as typeof browser.devtools | undefined;
  const fromQuery = Number(query.get('tabId'));
  const tabId = devtools?.inspectedWindow?.tabId ?? (Number.isInteger(fromQuery) ? fromQuery : undefined);
  const themeName = query.get('theme') ?? (devtools?.panels as { themeName?: string } | undefined)?.themeName;
  return { tabId, theme: themeFromName(themeName) };
}

function themeFromName(name: string | null | undefined): Theme {
  if (name === 'dark') return 'dark';
  if (name === 'default' || name === 'light') return 'light';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Follows theme changes: Chrome's DevTools handler, Firefox's event, else the colour scheme. */
export function onThemeChange(callback: (theme: Theme) => void): void {
  const handler = (name: string) => callback(themeFromName(name));
  const chromePanels = (globalThis as { chrome?: typeof chrome }).chrome?.devtools?.panels;
  if (chromePanels?.setThemeChangeHandler) chromePanels.setThemeChangeHandler(handler);
  else if (browser.devtools?.panels?.onThemeChanged)
    browser.devtools.panels.onThemeChanged.addListener(handler);
  else matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => handler(''));
}
