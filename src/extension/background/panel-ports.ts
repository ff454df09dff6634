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
      } catch (error) {
        // A panel that closed between the disconnect and this message needs nothing; any other failure
        // (a message over the size limit) would leave the panel silently short of beacons.
        if (!/disconnected/i.test(String(error)))
          console.error('Player Inspector: could not reach a panel', error);
      }
    }
  }
}
