import type { Runtime } from 'webextension-polyfill';
import type { BackgroundMessage } from '../wire.js';

/** Open panels per inspected tab; a port is dropped when its panel closes. */
export class PanelPorts {
  private ports = new Map<number, Set<Runtime.Port>>();

  add(tabId: number, port: Runtime.Port): void {
    let set = this.ports.get(tabId);
    if (!set) {
      set = new Set();
      this.ports.set(tabId, set);
    }
    set.add(port);
    port.onDisconnect.addListener(() => set.delete(port));
  }

  send(tabId: number, message: BackgroundMessage): void {
    for (const port of this.ports.get(tabId) ?? []) {
      try {
        port.postMessage(message);
      } catch {
        // The panel closed between the disconnect and this message: nothing to do.
      }
    }
  }
}
