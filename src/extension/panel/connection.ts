import browser, { type Runtime } from 'webextension-polyfill';
import { type BackgroundMessage, PANEL_PORT, type PanelMessage } from '../wire.js';
import type { PanelModel } from './panel-model.js';

const RECONNECT_MS = 200;

/**
 * The panel's port to the background worker. The browser stops an idle worker, which closes the port:
 * the panel reconnects (waking the worker) and subscribes again; the model skips what it already has.
 */
export class Connection {
  private port: Runtime.Port | undefined;
  private closed = false;

  constructor(
    private readonly tabId: number,
    private readonly model: PanelModel,
  ) {}

  open(): void {
    const port = browser.runtime.connect({ name: PANEL_PORT });
    this.port = port;
    port.onMessage.addListener((message) => this.model.receive(message as BackgroundMessage));
    port.onDisconnect.addListener(() => {
      this.port = undefined;
      if (!this.closed) setTimeout(() => this.open(), RECONNECT_MS);
    });
    this.model.resubscribing();
    this.send({ type: 'subscribe', tabId: this.tabId });
  }

  send(message: PanelMessage): void {
    this.port?.postMessage(message);
  }

  close(): void {
    this.closed = true;
    this.port?.disconnect();
  }
}
