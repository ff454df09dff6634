// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Inspector } from '../../../src/core/inspector.js';
import { Timeline } from '../../../src/extension/panel/components/Timeline.js';
import { KavaSession, realPlayerSession } from '../../helpers/kava-session.js';

afterEach(cleanup);

function setup(requests = realPlayerSession()) {
  const inspector = new Inspector();
  inspector.addAll(requests);
  const session = inspector.sessions()[0]!;
  const onSelect = vi.fn();
  const view = render(
    <Timeline session={session} findings={inspector.findings()} selected={2} onSelect={onSelect} />,
  );
  return { ...view, session, onSelect };
}

describe('Timeline', () => {
  it('draws one marker per beacon, the playhead, and the pause and seek shading', () => {
    const { container, session } = setup();
    expect(container.querySelectorAll('.marker')).toHaveLength(session.beacons.length);
    expect(container.querySelectorAll('polyline.playhead').length).toBeGreaterThan(0);
    expect(container.querySelectorAll('svg.timeline .band-pause').length).toBeGreaterThan(0);
    expect(container.querySelectorAll('svg.timeline .band-seek')).toHaveLength(1);
    expect(container.querySelector('.marker-selected')?.getAttribute('data-beacon')).toBe('2');
    expect(container.querySelectorAll('svg.timeline .finding-error')).toHaveLength(0);
  });

  it('rings the beacons that have findings', () => {
    const session = new KavaSession();
    session.send(1, 0, 0);
    session.send(2, 1, 0);
    session.send(3, 1.5, 0, {}, { eventIndex: 7 });
    const { container } = setup(session.requests);
    const ringed = [...container.querySelectorAll('svg.timeline .finding-error')].map((r) =>
      r.closest('.marker')?.getAttribute('data-beacon'),
    );
    // The beacon whose eventIndex jumped is ringed red; the first beacon is clean.
    expect(ringed).toContain('2');
    expect(ringed).not.toContain('0');
  });

  it('describes the hovered beacon and selects the clicked one', () => {
    const { container, onSelect } = setup();
    const marker = container.querySelector('.marker[data-beacon="4"]')!;
    fireEvent.mouseEnter(marker);
    expect(container.querySelector('.timeline-hover')?.textContent).toMatch(/^#5 Play reached 25%/);
    fireEvent.click(marker);
    expect(onSelect).toHaveBeenCalledWith(4);
  });
});
