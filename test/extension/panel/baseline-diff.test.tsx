// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../../../src/core/capture/captured-request.js';
import { exportHar } from '../../../src/core/capture/har-export.js';
import { Inspector } from '../../../src/core/inspector.js';
import { BaselineModel } from '../../../src/extension/panel/baseline-model.js';
import { App } from '../../../src/extension/panel/components/App.js';
import { PanelModel } from '../../../src/extension/panel/panel-model.js';
import { KavaSession, realPlayerSession } from '../../helpers/kava-session.js';

afterEach(cleanup);

const run = (id: string, start: number) => realPlayerSession(new KavaSession(id, start));
const live = (requests: readonly CapturedRequest[]) => {
  const inspector = new Inspector();
  inspector.addAll(requests);
  return inspector;
};

describe('BaselineModel', () => {
  it('compares the newest live session with a pinned one, never the pinned one with itself', () => {
    const first = run('first', 1_700_000_000_000);
    const inspector = live(first);
    const baselines = new BaselineModel();
    expect(baselines.diff(inspector)).toBeUndefined();
    baselines.pinSession(inspector, inspector.sessions()[0]!, 'S1');
    // Nothing else playing yet: the whole baseline is still to come, nothing differs.
    expect(baselines.diff(inspector)).toMatchObject({ equivalent: true, differences: [] });

    const second = run('second', 1_700_000_100_000).filter((r) => !/[?&]eventType=2&/.test(r.url));
    const result = baselines.diff(live([...first, ...second.slice(0, 4)]))!;
    expect(result.pairs[0]).toMatchObject({ candidateSession: 'second', aligned: 4, pending: 10 });
    expect(result.differences.filter((d) => d.kind === 'event-missing').map((d) => d.event)).toEqual([
      'Play Requested (2)',
    ]);
  });

  it('takes an imported capture as the baseline', () => {
    const baselines = new BaselineModel();
    const inspector = live(run('now', 1_700_000_100_000));
    baselines.importRequests(inspector, run('golden', 1_700_000_000_000), 'golden.har');
    expect(baselines.diff(inspector)).toMatchObject({ equivalent: true, differences: [] });
  });
});

describe('panel Diff tab', () => {
  it('pins a session from the Sessions tab and shows the live differences as beacons arrive', async () => {
    const model = new PanelModel();
    const view = render(<App model={model} send={() => {}} configText="" onConfig={() => {}} />);
    model.receive({ type: 'snapshot', requests: run('golden', 1_700_000_000_000), last: true });
    fireEvent.click(view.getByRole('tab', { name: 'Sessions' }));
    fireEvent.click(await waitFor(() => view.getByRole('button', { name: 'Pin as baseline' })));

    await waitFor(() => expect(view.getByTestId('diff-verdict').textContent).toMatch(/^Equivalent so far/));
    const candidate = run('candidate', 1_700_000_100_000).map((r) =>
      r.url.includes('eventType=1&') ? { ...r, url: r.url.replace('partnerId=2215841', 'partnerId=99') } : r,
    );
    for (const request of candidate.slice(0, 3)) model.receive({ type: 'captured', request });
    // The changed partner, and the session/mixed-ids warning it causes.
    await waitFor(() => expect(view.getByTestId('diff-verdict').textContent).toMatch(/2 differences matter/));
    expect(view.getByTestId('diff-verdict').textContent).toContain('12 baseline events still to come');
    const row = view.container.querySelector('tr[data-kind="value-changed"]');
    expect(row?.textContent).toContain('partnerId');
    expect(row?.textContent).toContain('"2215841" to "99"');

    fireEvent.click(view.getByRole('button', { name: 'Clear baseline' }));
    await waitFor(() => expect(view.queryByTestId('diff-verdict')).toBeNull());
  });

  it('imports a HAR as the baseline', async () => {
    const model = new PanelModel();
    const view = render(<App model={model} send={() => {}} configText="" onConfig={() => {}} />);
    model.receive({ type: 'snapshot', requests: run('now', 1_700_000_100_000), last: true });
    fireEvent.click(view.getByRole('tab', { name: 'Diff' }));
    const har = JSON.stringify(exportHar(run('golden', 1_700_000_000_000)));
    const input = view.getByLabelText('Baseline HAR file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([har], 'golden.har')], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(view.getByTestId('diff-verdict').textContent).toMatch(/^Equivalent so far/));
    expect(view.container.textContent).toContain('golden.har');
  });
});
