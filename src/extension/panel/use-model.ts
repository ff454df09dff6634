import { useEffect, useState } from 'preact/hooks';
import type { PanelModel, PanelView } from './panel-model.js';

/**
 * Re-renders on model changes, at most once per animation frame: a burst of beacons (or a 50 000-beacon
 * backlog in chunks) costs one render, not one per message.
 */
export function useModel(model: PanelModel): PanelView {
  const [, setVersion] = useState(0);
  useEffect(() => {
    let frame: number | undefined;
    const unsubscribe = model.subscribe(() => {
      frame ??= requestAnimationFrame(() => {
        frame = undefined;
        setVersion((v) => v + 1);
      });
    });
    return () => {
      unsubscribe();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [model]);
  return model.view();
}
