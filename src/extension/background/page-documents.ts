/**
 * Per tab, the documents (webRequest `documentId`) that sent requests since the navigation that last
 * emptied the tab's list, and those of the page it left. The old page goes on sending after the
 * navigation starts (images still queued, `pagehide` beacons, a page kept in the back/forward cache):
 * those requests belong to the list that was emptied.
 */
export class PageDocuments {
  private current = new Map<number, Set<string>>();
  private left = new Map<number, Set<string>>();

  seen(tabId: number, documentId: string | undefined): void {
    if (documentId === undefined) return;
    let set = this.current.get(tabId);
    if (!set) {
      set = new Set();
      this.current.set(tabId, set);
    }
    set.add(documentId);
  }

  /** A navigation emptied the tab: every document seen so far is of the page it left. */
  retire(tabId: number): void {
    this.left.set(tabId, this.current.get(tabId) ?? new Set());
    this.current.delete(tabId);
  }

  isLeft(tabId: number, documentId: string | undefined): boolean {
    return documentId !== undefined && (this.left.get(tabId)?.has(documentId) ?? false);
  }
}
