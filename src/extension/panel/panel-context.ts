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
  const theme: Theme =
    themeName === 'dark'
      ? 'dark'
      : themeName === 'default' || themeName === 'light'
        ? 'light'
        : matchMedia('(prefers-color-scheme: dark)').matches
          ? 'dark'
          : 'light';
  return { tabId, theme };
}
