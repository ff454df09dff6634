import { useEffect, useState } from 'preact/hooks';
import type { PanelModel, PanelView } from './panel-model.js';

/** Renders at most this often: a burst of beacons (or a 50 000-beacon backlog in pieces) costs one. */
const RENDER_INTERVAL_MS = 50;

/**
 * Re-renders on model changes, throttled: a change after a quiet interval renders at once (the first
 * backlog page, a filter), later ones wait for the interval's end. A timer rather than animation
 * frames: DevTools may keep a panel's frame hidden, where animation frames never come.
 */
export function useModel(model: PanelModel): PanelView {
  const [rendered, setRendered] = useState(model.version);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = Number.NEGATIVE_INFINITY;
    const update = () => {
      timer ??= setTimeout(
        () => {
          timer = undefined;
          last = performance.now();
          setRendered(model.version);
        },
        Math.max(0, last + RENDER_INTERVAL_MS - performance.now()),
      );
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
