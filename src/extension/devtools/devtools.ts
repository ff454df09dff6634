import browser from 'webextension-polyfill';

// The devtools page only registers the panel; the panel page does the work.
void browser.devtools.panels.create(
  'Player Inspector',
  '/icons/icon-32.png',
  '/src/extension/panel/panel.html',
);
