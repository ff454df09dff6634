import browser, { type Runtime } from 'webextension-polyfill';
import { type BackgroundMessage, PANEL_PORT, type PanelMessage } from '../wire.js';
import { Inbox } from './inbox.js';
import type { PanelModel } from './panel-model.js';

const RECONNECT_MS = 200;
/** Backlog requests handed to the model at once: a few ms of validation, so the first rows show after 25. */
const PIECE = 25;

/**
 * The panel's port to the background worker. The browser stops an idle worker, which closes the port:
 * the panel reconnects (waking the worker) and subscribes again; the model skips what it already has.
 * Messages reach the model through an inbox, backlog pages in pieces, so that validating them never
 * blocks the panel for long.
 */
export class Connection {
  private port: Runtime.Port | undefined;
  private closed = false;
  private readonly inbox = new Inbox();

  constructor(
    private readonly tabId: number,
    private readonly model: PanelModel,
  ) {}

  open(): void {
    const port = browser.runtime.connect({ name: PANEL_PORT });
    this.port = port;
    port.onMessage.addListener((message) => this.deliver(message as BackgroundMessage));
    port.onDisconnect.addListener(() => {
      this.port = undefined;
      if (!this.closed) setTimeout(() => this.open(), RECONNECT_MS);
    });
    // After what the previous port delivered, before what this one will.
    this.inbox.add(() => this.model.resubscribing());
    this.send({ type: 'subscribe', tabId: this.tabId });
  }

  send(message: PanelMessage): void {
    this.port?.postMessage(message);
  }

  close(): void {
    this.closed = true;
    this.port?.disconnect();
  }

  private deliver(message: BackgroundMessage): void {
    if (message.type !== 'snapshot') {
      this.inbox.add(() => this.model.receive(message));
      return;
    }
    const { requests, last } = message;
    for (let i = 0; i === 0 || i < requests.length; i += PIECE) {
      const piece = requests.slice(i, i + PIECE);
      const final = last && i + PIECE >= requests.length;
      this.inbox.add(() => this.model.receive({ type: 'snapshot', requests: piece, last: final }));
    }
  }
}
