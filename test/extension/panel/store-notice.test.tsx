// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { clearedNotice } from '../../../src/extension/background/stored-format.js';
import { App } from '../../../src/extension/panel/components/App.js';
import { PanelModel } from '../../../src/extension/panel/panel-model.js';
import type { PanelMessage } from '../../../src/extension/wire.js';
import { KavaSession } from '../../helpers/kava-session.js';

afterEach(cleanup);

// The background tells a subscribing panel that stored beacons of another format were cleared: the
// panel shows it above a working list until the user dismisses it, and tells the background so.
describe('panel notice about cleared stored beacons', () => {
  it('shows the notice with the backlog, keeps listing beacons, and dismisses it', async () => {
    const model = new PanelModel();
    const sent: PanelMessage[] = [];
    const view = render(<App model={model} send={(m) => sent.push(m)} configText="" onConfig={() => {}} />);
    const text = clearedNotice(99);
    model.resubscribing();
    // Sent before the backlog's end: held with live messages and shown once the backlog is in.
    model.receive({ type: 'notice', text });
    expect(model.notice).toBeUndefined();
    model.receive({ type: 'snapshot', requests: [], last: true });
    const kava = new KavaSession();
    kava.send(1, 0, 0);
    model.receive({ type: 'captured', request: { ...kava.requests[0]!, status: 200 } });

    const notice = await waitFor(() => view.getByRole('alert'));
    expect(notice.textContent).toContain(text);
    await waitFor(() => expect(view.getByTestId('summary-beacons').textContent).toBe('1 beacons'));

    fireEvent.click(view.getByLabelText('Dismiss'));
    expect(sent).toEqual([{ type: 'dismiss-notice' }]);
    await waitFor(() => expect(view.queryByRole('alert')).toBeNull());
    expect(view.getByTestId('summary-beacons').textContent).toBe('1 beacons');
  });
});
