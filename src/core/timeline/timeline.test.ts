import { describe, expect, it } from 'vitest';
import type { Beacon } from '../beacon.js';
import type { Finding } from '../rules/rule.js';
import { emptyPlayback, type Session } from '../session/session.js';
import { eventCategory } from './event-category.js';
import { renderTimelineSvg } from './svg.js';
import { niceStep } from './ticks.js';
import { timelineGeometry } from './timeline.js';

const T0 = Date.UTC(2026, 2, 1, 10);

function beacon(index: number, seconds: number, name: string): Beacon {
  return {
    index,
    protocol: 'kava',
    time: T0 + seconds * 1000,
    event: { code: String(index), name, known: true },
    sessionId: 's1',
    params: [],
    values: {},
    request: { id: String(index), method: 'GET', url: 'https://a/', startTime: T0 + seconds * 1000 },
  };
}

function session(): Session {
  const beacons = [
    beacon(0, 0, 'Player Impression'),
    beacon(1, 2, 'Play'),
    beacon(2, 12, 'View'),
    beacon(3, 15, 'Pause clicked'),
    beacon(4, 20, 'Resume'),
    beacon(5, 22, 'Seek'),
    beacon(6, 30, 'View'),
  ];
  const playback = {
    ...emptyPlayback(),
    duration: 40,
    firstTime: T0,
    lastTime: T0 + 30_000,
    playhead: [
      { time: T0 + 2000, position: 0, beacon: 1 },
      { time: T0 + 12_000, position: 10, beacon: 2 },
      { time: T0 + 15_000, position: 13, beacon: 3 },
      { time: T0 + 20_000, position: 13, beacon: 4 },
      { time: T0 + 22_000, position: 15, beacon: 5 },
      { time: T0 + 30_000, position: 38, beacon: 6 },
    ],
    pauses: [{ start: T0 + 15_000, end: T0 + 20_000, beacons: [3, 4] }],
    seeks: [{ time: T0 + 22_000, from: 15, to: 30, beacon: 5 }],
    buffering: [{ start: T0 + 25_000, beacons: [] }],
  };
  return { key: 'kava:s1', id: 's1', protocol: 'kava', beacons, playback };
}

const findings: Finding[] = [
  {
    rule: 'kava/view-interval',
    severity: 'warning',
    message: 'late',
    beacons: [6],
    sessionId: 's1',
    protocol: 'kava',
  },
  {
    rule: 'kava/order',
    severity: 'error',
    message: 'bad',
    beacons: [4, 6],
    sessionId: 's1',
    protocol: 'kava',
  },
  {
    rule: 'expect/event-missing',
    severity: 'error',
    message: 'no 14',
    beacons: [],
    sessionId: 's1',
    protocol: 'kava',
  },
  {
    rule: 'kava/order',
    severity: 'error',
    message: 'other session',
    beacons: [99],
    sessionId: 's2',
    protocol: 'kava',
  },
];

describe('timelineGeometry', () => {
  const g = timelineGeometry(session(), findings, { width: 460, height: 240 });

  it('maps wall-clock time to x and playhead to y over the plot', () => {
    expect(g.start).toBe(T0);
    expect(g.end).toBe(T0 + 30_000);
    expect(g.maxPosition).toBe(40);
    const first = g.markers[0]!;
    const last = g.markers[6]!;
    expect(first.x).toBe(g.plot.x);
    expect(last.x).toBeCloseTo(g.plot.x + g.plot.width);
    expect(g.markers[2]!.y).toBeCloseTo(g.plot.y + g.plot.height * (1 - 10 / 40));
  });

  it('gives markers their category, position and worst finding', () => {
    expect(g.markers.map((m) => m.category)).toEqual([
      'start',
      'play',
      'progress',
      'pause',
      'play',
      'seek',
      'progress',
    ]);
    expect(g.markers[0]!.position).toBeUndefined();
    expect(g.markers[6]).toMatchObject({
      position: 38,
      severity: 'error',
      rules: ['kava/view-interval', 'kava/order'],
    });
    expect(g.markers[4]).toMatchObject({ severity: 'error', rules: ['kava/order'] });
    expect(g.markers[1]!.severity).toBeUndefined();
    expect(g.sessionFindings.map((f) => f.message)).toEqual(['no 14']);
  });

  it('shades pauses, seeks and open buffering, and breaks the playhead at the seek', () => {
    const kinds = g.bands.map((b) => [b.kind, b.open]);
    expect(kinds).toEqual([
      ['pause', false],
      ['buffering', true],
      ['seek', false],
    ]);
    const pause = g.bands[0]!;
    expect(pause.x1 - pause.x0).toBeCloseTo((5 / 30) * g.plot.width);
    expect(g.bands[1]!.x1).toBeCloseTo(g.plot.x + g.plot.width);
    expect(g.bands[2]).toMatchObject({ from: 15, to: 30 });
    expect(g.playhead.map((line) => line.length)).toEqual([5, 1]);
  });

  it('breaks the playhead before a seek point that carries the target position', () => {
    const s = session();
    // As the legacy stats tracker records it: the Seek's point is where the playhead landed.
    s.playback.playhead[4] = { time: T0 + 22_000, position: 30, beacon: 5 };
    const lines = timelineGeometry(s).playhead.map((line) => line.length);
    expect(lines).toEqual([4, 2]);
  });

  it('has round ticks', () => {
    expect(g.xTicks.map((t) => t.label)).toEqual(['0s', '10s', '20s', '30s']);
    expect(g.yTicks[0]).toMatchObject({ value: 0, label: '0:00', at: g.plot.y + g.plot.height });
    expect(niceStep(3600, 6)).toBe(600);
  });

  it('lays out a session of one beacon without dividing by zero', () => {
    const s = session();
    s.beacons = s.beacons.slice(0, 1);
    s.playback = {
      ...s.playback,
      playhead: [],
      pauses: [],
      seeks: [],
      buffering: [],
      lastTime: T0,
      duration: undefined,
    };
    const one = timelineGeometry(s);
    expect(one.markers[0]!.x).toBe(one.plot.x);
    expect(Number.isFinite(one.markers[0]!.y)).toBe(true);
    expect(one.maxPosition).toBe(1);
  });
});

describe('timelineGeometry on absurd values', () => {
  it('keeps a position of 1e999 (Infinity) inside the plot', () => {
    const s = session();
    s.playback = { ...s.playback, duration: Number.POSITIVE_INFINITY };
    s.playback.playhead[1] = { time: T0 + 12_000, position: Number.POSITIVE_INFINITY, beacon: 2 };
    const g = timelineGeometry(s);
    expect(g.maxPosition).toBe(38);
    expect(g.yTicks.length).toBeGreaterThan(1);
    for (const m of g.markers) expect(Number.isFinite(m.y)).toBe(true);
  });
});

describe('eventCategory', () => {
  it('sorts every protocol’s event names', () => {
    const cases: [string, string][] = [
      ['Buffer Start', 'buffer'],
      ['Play reached 25%', 'progress'],
      ['Widget Loaded', 'start'],
      ['Setup', 'start'],
      ['Quantile / time', 'progress'],
      ['Preroll 25', 'ad'],
      ['Ad impression', 'ad'],
      ['Abandon / complete', 'end'],
      ['Replay clicked', 'play'],
      ['Error', 'error'],
      ['Seeked', 'seek'],
      ['Unknown event 77', 'other'],
    ];
    for (const [name, category] of cases) expect(eventCategory(name), name).toBe(category);
  });
});

describe('timelineGeometry on a huge session', () => {
  it('lays out 200 000 beacons without overflowing the stack, positions from the points before', () => {
    const count = 200_000;
    const beacons = Array.from({ length: count }, (_, i) => beacon(i, i * 10, 'View'));
    // Every other beacon reports a position: the others take the last one before them.
    const playhead = beacons
      .filter((b) => b.index % 2 === 0)
      .map((b) => ({ time: b.time, position: b.index * 5, beacon: b.index }));
    const huge: Session = {
      key: 'kava:s1',
      id: 's1',
      protocol: 'kava',
      beacons,
      playback: { ...emptyPlayback(), playhead },
    };
    const g = timelineGeometry(huge, [{ ...findings[0]!, beacons: [count - 1] }]);
    expect(g.start).toBe(T0);
    expect(g.end).toBe(T0 + (count - 1) * 10_000);
    expect(g.maxPosition).toBe((count - 2) * 5);
    expect(g.markers).toHaveLength(count);
    expect(g.markers[3]?.position).toBe(10);
    expect(g.markers[count - 1]?.severity).toBe('warning');
  });
});

describe('renderTimelineSvg', () => {
  it('draws every marker and escapes captured text', () => {
    const s = session();
    s.beacons[2]!.event.name = '<img src=x onerror=alert(1)>';
    const svg = renderTimelineSvg(timelineGeometry(s, findings), { title: 'Session "<b>s1</b>"' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg.match(/data-beacon=/g)).toHaveLength(7);
    expect(svg).toContain('class="finding-error"');
    expect(svg.match(/<polyline/g)).toHaveLength(2);
  });
});
