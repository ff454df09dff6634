import { useEffect, useState } from 'preact/hooks';
import type { PanelModel, PanelView } from './panel-model.js';

/**
 * Re-renders on model changes, at most once per animation frame: a burst of beacons (or a 50 000-beacon
 * backlog in chunks) costs one render, not one per message.
 */
export function useModel(model: PanelModel): PanelView {
  const [rendered, setRendered] = useState(model.version);
  useEffect(() => {
    let frame: number | undefined;
    const update = () => {
      frame ??= requestAnimationFrame(() => {
        frame = undefined;
        setRendered(model.version);
      });
    };
    const unsubscribe = model.subscribe(update);
    // Changes between the render and this subscription would otherwise go unseen.
    if (model.version !== rendered) update();
    return () => {
      unsubscribe();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [model]);
  return model.view();
}
