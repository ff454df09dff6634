// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Inspector } from '../../../src/core/inspector.js';
import { Toolbar } from '../../../src/extension/panel/components/Toolbar.js';
import { filterBeacons, NO_FILTERS } from '../../../src/extension/panel/filters.js';
import { KavaSession } from '../../helpers/kava-session.js';
import { getRequest } from '../../helpers/requests.js';

afterEach(cleanup);

function capture() {
  const kava = new KavaSession();
  kava.send(1, 0, 0);
  kava.send(2, 1, 0);
  kava.send(3, 1.5, 0, {}, { eventIndex: 9 });
  const inspector = new Inspector();
  inspector.addAll(kava.requests);
  inspector.add(
    getRequest(
      'https://ihe.jwpltx.com/v1/jwplayer6/ping.gif?e=e&aid=Xy3kQ9mN2pL5rT8vW1zB4c&pss=1&oos=Web&sdk=0&bun=example.com&id=AbCd1234&t=Some%20title&emi=0123456789ab&pli=0123456789ab&sa=1700000002000',
      { startTime: 1_700_000_002_000 },
    ),
  );
  const byBeacon = new Map<number, ReturnType<Inspector['findings']>>();
  for (const f of inspector.findings())
    for (const i of f.beacons) byBeacon.set(i, [...(byBeacon.get(i) ?? []), f]);
  return { beacons: inspector.beacons(), byBeacon };
}

describe('beacon filters', () => {
  it('match the event name, parameter values and names, by protocol and by severity', () => {
    const { beacons, byBeacon } = capture();
    const run = (f: Partial<typeof NO_FILTERS>) => filterBeacons(beacons, byBeacon, { ...NO_FILTERS, ...f });
    expect(run({})).toEqual([0, 1, 2, 3]);
    expect(run({ text: 'play requested' })).toEqual([1]);
    expect(run({ text: 'some title' })).toEqual([3]);
    expect(run({ text: '2215841' })).toEqual([0, 1, 2]);
    expect(run({ text: 'Partner ID' })).toEqual([0, 1, 2]);
    expect(run({ text: 'www.example.com' })).toEqual([0, 1, 2]);
    expect(run({ protocols: new Set(['jw']) })).toEqual([3]);
    expect(run({ severity: 'error' })).toContain(2);
    expect(run({ severity: 'error' })).not.toContain(0);
  });
});

describe('text search over many beacons', () => {
  // Beyond the last 64 beacons the core decodes parameters again when read: the search must find the same.
  it('finds decoded values, canonical keys and values of broken or bracketed beacons anywhere in a capture', () => {
    const kava = new KavaSession();
    for (let i = 0; i < 100; i++) kava.send(99, i * 10, i * 10, { customVar1: `tag ${i}&more` });
    const inspector = new Inspector();
    inspector.add(
      getRequest(
        'https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent&eventType=1&entryId=1_%E0%A4%A&customVar2=broken%20tag',
      ),
    );
    inspector.add(
      getRequest(
        'https://stats.kaltura.com/api_v3/index.php?service=stats&action=collect&event[eventType]=3&event[partnerId]=2215841&event[entryId]=0_abc',
      ),
    );
    inspector.addAll(kava.requests);
    const run = (text: string) => filterBeacons(inspector.beacons(), new Map(), { ...NO_FILTERS, text });
    expect(run('tag 7&more')).toEqual([9]);
    expect(run('broken tag')).toEqual([0]);
    expect(run('event:eventtype')).toEqual([1]);
    expect(run('no such text')).toEqual([]);
  });
});

describe('Toolbar', () => {
  const props = () => ({
    recording: true,
    preserveLog: true,
    filters: NO_FILTERS,
    includeSecrets: false,
    onRecording: vi.fn(),
    onPreserveLog: vi.fn(),
    onClear: vi.fn(),
    onFilters: vi.fn(),
    onImport: vi.fn(),
    onExport: vi.fn(),
    onIncludeSecrets: vi.fn(),
  });

  it('reports filter changes', () => {
    const p = props();
    const { getByLabelText, getByText } = render(<Toolbar {...p} />);
    fireEvent.input(getByLabelText('Text filter'), { target: { value: 'View' } });
    expect(p.onFilters).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'View' }));
    fireEvent.click(getByText('JW'));
    expect([...p.onFilters.mock.lastCall![0].protocols]).toEqual(['jw']);
    fireEvent.change(getByLabelText('Severity filter'), { target: { value: 'warning' } });
    expect(p.onFilters).toHaveBeenLastCalledWith(expect.objectContaining({ severity: 'warning' }));
  });

  it('drives recording, preserve log, clear and exports', () => {
    const p = props();
    const { getByTitle, getByLabelText, getByText } = render(<Toolbar {...p} />);
    fireEvent.click(getByTitle('Stop recording beacons'));
    expect(p.onRecording).toHaveBeenCalledWith(false);
    fireEvent.click(getByLabelText('Clear'));
    expect(p.onClear).toHaveBeenCalled();
    fireEvent.click(getByText('Preserve log').querySelector('input')!);
    expect(p.onPreserveLog).toHaveBeenCalledWith(false);
    fireEvent.change(getByLabelText('Export'), { target: { value: 'junit' } });
    expect(p.onExport).toHaveBeenCalledWith('junit');
  });
});
