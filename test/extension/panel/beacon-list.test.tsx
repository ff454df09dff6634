// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Inspector } from '../../../src/core/inspector.js';
import { BeaconList, ROW_HEIGHT } from '../../../src/extension/panel/components/BeaconList.js';
import { KavaSession } from '../../helpers/kava-session.js';

afterEach(cleanup);

/** A long real-looking KAVA session: Views every 10 s. */
function bigCapture(count: number): Inspector {
  const session = new KavaSession();
  session.send(1, 0, 0);
  session.send(2, 1, 0);
  session.send(3, 1.5, 0);
  for (let i = 3; i < count; i++) session.send(99, 1.5 + (i - 3) * 10, (i - 3) * 10);
  const inspector = new Inspector();
  inspector.addAll(session.requests);
  return inspector;
}

const listProps = (inspector: Inspector) => {
  const beacons = inspector.beacons();
  return {
    beacons,
    shown: beacons.map((b) => b.index),
    findingsByBeacon: new Map(),
    sessionLabel: () => 'S1',
    selected: undefined as number | undefined,
    onSelect: vi.fn(),
    onOpen: vi.fn(),
  };
};

describe('BeaconList', () => {
  it('renders only the rows in view of 50 000 beacons, and the rows of where it is scrolled to', () => {
    const props = listProps(bigCapture(50_000));
    const { container } = render(<BeaconList {...props} />);
    const body = container.querySelector('.list-body') as HTMLElement;
    const rendered = () => container.querySelectorAll('.spacer .row');
    expect(rendered().length).toBeGreaterThan(0);
    expect(rendered().length).toBeLessThan(100);
    expect((container.querySelector('.spacer') as HTMLElement).style.height).toBe(`${50_000 * ROW_HEIGHT}px`);

    body.scrollTop = 40_000 * ROW_HEIGHT;
    fireEvent.scroll(body);
    const indices = [...rendered()].map((r) => Number(r.getAttribute('data-index')));
    expect(indices).toContain(40_000);
    expect(rendered().length).toBeLessThan(100);
  });

  it('shows time, protocol, event name, session and status per row', () => {
    const props = listProps(bigCapture(4));
    const { container } = render(<BeaconList {...props} />);
    const first = container.querySelector('.spacer .row') as HTMLElement;
    const cells = [...first.children].map((c) => c.textContent);
    expect(cells[1]).toBe('KAVA');
    expect(cells[2]).toBe('Player Impression');
    expect(cells[3]).toBe('S1');
    expect(cells[4]).toBe('200');
    expect(cells[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
  });

  it('moves the selection with the arrow keys and opens it with Enter', () => {
    const props = listProps(bigCapture(10));
    props.selected = 4;
    const { container } = render(<BeaconList {...props} />);
    const body = container.querySelector('.list-body') as HTMLElement;
    fireEvent.keyDown(body, { key: 'ArrowDown' });
    expect(props.onSelect).toHaveBeenLastCalledWith(5);
    fireEvent.keyDown(body, { key: 'ArrowUp' });
    expect(props.onSelect).toHaveBeenLastCalledWith(3);
    fireEvent.keyDown(body, { key: 'End' });
    expect(props.onSelect).toHaveBeenLastCalledWith(9);
    fireEvent.keyDown(body, { key: 'Enter' });
    expect(props.onOpen).toHaveBeenCalledWith(4);
    fireEvent.click(container.querySelector('.spacer .row[data-index="2"]')!);
    expect(props.onSelect).toHaveBeenLastCalledWith(2);
  });

  it('says why it is empty', () => {
    const props = listProps(bigCapture(4));
    const { container } = render(<BeaconList {...props} shown={[]} />);
    expect(container.textContent).toContain('No beacon matches the filters.');
  });
});
