import browser from 'webextension-polyfill';
import { loadConfig, onConfigChange } from '../config-store.js';
import { PANEL_PORT, type PanelMessage } from '../wire.js';
import { Capture } from './capture.js';

// Listeners are registered synchronously at the top level: the browser wakes a stopped worker for
// them, and a beacon sent while the worker sleeps is delivered to the new one.
const capture = new Capture();
onConfigChange((stored) => capture.setConfig(stored?.config));

// The event that woke the worker may come before the config (custom collectors) is read: events wait
// for it, in their order, so a completion never overtakes its request.
let configLoaded = false;
const configReady = loadConfig().then((stored) => {
  capture.setConfig(stored?.config);
  configLoaded = true;
});
const whenReady = (handle: () => void) => {
  if (configLoaded) handle();
  else void configReady.then(handle);
};

const filter = { urls: ['<all_urls>'] };
browser.webRequest.onBeforeRequest.addListener(
  (details) => {
    whenReady(() => capture.onBeforeRequest(details));
    return undefined;
  },
  filter,
  ['requestBody'],
);
browser.webRequest.onCompleted.addListener(
  (details) => whenReady(() => capture.onCompleted(details)),
  filter,
);
browser.webRequest.onErrorOccurred.addListener(
  (details) => whenReady(() => capture.onErrorOccurred(details)),
  filter,
);

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== PANEL_PORT) return;
  let tabId: number | undefined;
  // Messages are handled one after another so that a clear never overtakes the subscription.
  let queue = Promise.resolve();
  port.onMessage.addListener((message) => {
    queue = queue.then(async () => {
      tabId = await capture.onMessage(port, tabId, message as PanelMessage);
    });
  });
});

browser.tabs.onRemoved.addListener((tabId) => void capture.forgetTab(tabId));
// Tab ids start again in a new browser session: what an earlier session stored is meaningless.
const workerStart = Date.now();
browser.runtime.onStartup.addListener(() => void capture.store.clearBefore(workerStart));
