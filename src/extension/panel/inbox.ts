/** Longest stretch of work before the panel lets the browser render and handle input (a frame is 16 ms). */
const SLICE_MS = 8;

/**
 * Work for the panel's model, run in order in slices: what arrives while a slice runs waits for the
 * next, so a large backlog never holds a frame back. A MessageChannel hands over between slices: unlike
 * timers it is not slowed to 4 ms a hop, and unlike animation frames it also runs in a hidden panel.
 */
export class Inbox {
  private tasks: (() => void)[] = [];
  private next = 0;
  private running = false;
  private scheduled = false;
  /** When the running task's slice ends; tasks added in the same task share its budget. */
  private sliceEnd: number | undefined;
  private readonly channel = new MessageChannel();

  constructor() {
    this.channel.port1.onmessage = () => {
      this.scheduled = false;
      this.drain();
    };
  }

  /** Runs `task` after every task added before it; at once when nothing waits. */
  add(task: () => void): void {
    this.tasks.push(task);
    if (!this.running && !this.scheduled) this.drain();
  }

  private drain(): void {
    this.running = true;
    if (this.sliceEnd === undefined) {
      this.sliceEnd = performance.now() + SLICE_MS;
      queueMicrotask(() => {
        this.sliceEnd = undefined;
      });
    }
    try {
      while (this.next < this.tasks.length && performance.now() < this.sliceEnd) this.tasks[this.next++]!();
    } finally {
      this.running = false;
      if (this.next < this.tasks.length) {
        this.scheduled = true;
        this.channel.port2.postMessage(undefined);
      } else {
        this.tasks = [];
        this.next = 0;
      }
    }
  }
}
