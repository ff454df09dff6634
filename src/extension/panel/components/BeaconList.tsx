import { useEffect, useRef, useState } from 'preact/hooks';
import type { Beacon } from '../../../core/beacon.js';
import type { Finding } from '../../../core/rules/rule.js';
import { firstPassing } from '../../../core/sorted.js';
import { BeaconRow } from './BeaconRow.js';

export const ROW_HEIGHT = 20;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 10;

interface Props {
  beacons: readonly Beacon[];
  /** Indices of the beacons to show, in order. */
  shown: readonly number[];
  findingsByBeacon: ReadonlyMap<number, Finding[]>;
  sessionLabel(beacon: Beacon): string;
  selected: number | undefined;
  onSelect(index: number): void;
  onOpen(index: number): void;
}

/**
 * The beacon table, virtualised: only the rows in view exist in the DOM, so 50 000 beacons scroll as
 * smoothly as 50. Up/Down move the selection, Enter opens it.
 */
export function BeaconList(props: Props) {
  const { beacons, shown, findingsByBeacon, sessionLabel, selected, onSelect, onOpen } = props;
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 400);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  // `shown` is ascending: a binary search, not a scan of 50 000 indices per render.
  const at = selected === undefined ? -1 : firstPassing(shown, (i) => i >= selected);
  const position = at >= 0 && shown[at] === selected ? at : -1;

  // Keep the selected row in view when the keyboard (or a timeline click) moves it.
  useEffect(() => {
    const el = body.current;
    if (!el || position < 0) return;
    const top = position * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [position]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (shown.length === 0) return;
    const move = (to: number) => {
      event.preventDefault();
      onSelect(shown[Math.max(0, Math.min(shown.length - 1, to))]!);
    };
    if (event.key === 'ArrowDown') move(position + 1);
    else if (event.key === 'ArrowUp') move(position < 0 ? 0 : position - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(shown.length - 1);
    else if (event.key === 'Enter' && selected !== undefined) {
      event.preventDefault();
      onOpen(selected);
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const beacon = beacons[shown[i]!]!;
    rows.push(
      <BeaconRow
        key={beacon.index}
        beacon={beacon}
        status={beacon.request.status}
        error={beacon.request.error}
        findings={findingsByBeacon.get(beacon.index)}
        session={sessionLabel(beacon)}
        selected={beacon.index === selected}
        top={i * ROW_HEIGHT}
        onSelect={onSelect}
      />,
    );
  }

  return (
    <div class="beacon-list">
      <div class="row header">
        <span class="c-time">Time</span>
        <span class="c-proto">Protocol</span>
        <span class="c-event">Event</span>
        <span class="c-session">Session</span>
        <span class="c-status">Status</span>
        <span class="c-findings">Findings</span>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: rows are absolutely positioned for virtualisation, which a <table> cannot do */}
      <div
        class="list-body"
        role="grid"
        aria-label="Beacons"
        aria-rowcount={shown.length}
        ref={body}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      >
        <div class="spacer" style={{ height: `${shown.length * ROW_HEIGHT}px` }}>
          {rows}
        </div>
        {shown.length === 0 && (
          <p class="empty">
            {beacons.length === 0
              ? 'No beacons yet. Play a video in the inspected page.'
              : 'No beacon matches the filters.'}
          </p>
        )}
      </div>
    </div>
  );
}
