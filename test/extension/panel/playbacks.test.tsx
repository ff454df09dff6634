// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionsView } from '../../../src/extension/panel/components/SessionsView.js';
import { PanelModel } from '../../../src/extension/panel/panel-model.js';
import { KavaSession } from '../../helpers/kava-session.js';

afterEach(cleanup);

/** One session id, two playbacks: Kaltura's player changing media (see src/core/protocols/kava/playbacks.ts). */
function changeMedia(): PanelModel {
  const session = new KavaSession();
  session.startPlaying();
  session.send(99, 1.5, 0);
  session.changeMedia('1_second01', 8, 6.5);
  session.send(2, 8.1, 0);
  session.send(3, 8.2, 0);
  session.send(99, 8.2, 0);
  session.send(11, 8.5, 0.3, {}, { eventIndex: 9 });
  const model = new PanelModel();
  model.receive({ type: 'snapshot', requests: session.requests, last: true });
  return model;
}

describe('the panel on one session id with two playbacks', () => {
  it('labels the second playback under the first one’s session, beacon by beacon', () => {
    const view = changeMedia().view();
    expect([...view.sessionLabels.values()]).toEqual(['S1', 'S1.2']);
  });

  it('heads each playback, marks the change of media on the timeline, counts each one’s findings', () => {
    const model = changeMedia();
    const view = model.view();
    const sessions = model.inspector.sessions();
    const { container } = render(
      <SessionsView
        sessions={sessions}
        findings={view.findings}
        labelOf={(s) => view.sessionLabels.get(s.key) ?? ''}
        selected={undefined}
        onSelect={() => {}}
      />,
    );
    const heads = [...container.querySelectorAll('h3')].map((h) => h.textContent);
    expect(heads.map((h) => h?.replace(/session \S+|\S+:\S+/, '<id>'))).toEqual([
      'S1 · KAVA <id> · playback 1 of 2',
      'S1.2 · KAVA <id> · playback 2 of 2',
    ]);
    const marks = [...container.querySelectorAll('svg .playback-start text')].map((t) => t.textContent);
    expect(marks).toEqual(['Playback 2 · entry 1_second01 · change of media, same session id']);
    const counts = [...container.querySelectorAll('section.session > p')].map((p) => p.textContent);
    expect(counts[0]).toContain('0 errors');
    expect(counts[1]).toContain('1 errors');
  });
});
