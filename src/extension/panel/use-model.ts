import { useEffect, useState } from 'preact/hooks';
import type { PanelModel, PanelView } from './panel-model.js';

/** Renders at most this often: a burst of beacons (or a 50 000-beacon backlog in pieces) costs one. */
const RENDER_INTERVAL_MS = 50;

/**
 * Re-renders on model changes, throttled: a change after a quiet interval renders in the next task,
 * later ones wait for the interval's end; the first beacons never wait, they are what the user waits
 * for. A timer rather than animation frames: DevTools may keep a panel's frame hidden, where animation
 * frames never come.
 */
export function useModel(model: PanelModel): PanelView {
  const [rendered, setRendered] = useState(model.version);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let due = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let empty = true;
    const render = () => {
      timer = undefined;
      due = Number.POSITIVE_INFINITY;
      last = performance.now();
      empty = model.inspector.beacons().length === 0;
      setRendered(model.version);
    };
    const update = () => {
      const now = performance.now();
      const first = empty && model.inspector.beacons().length > 0;
      const at = first ? now : Math.max(now, last + RENDER_INTERVAL_MS);
      if (at >= due) return;
      if (timer !== undefined) clearTimeout(timer);
      due = at;
      timer = setTimeout(render, at - now);
    };
    const unsubscribe = model.subscribe(update);
    // Changes between the render and this subscription would otherwise go unseen.
    if (model.version !== rendered) update();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [model]);
  return model.view();
}
