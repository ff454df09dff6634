import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KavaSession } from '../../../test/helpers/kava-session.js';
import { importHar } from '../capture/har-import.js';
import { Inspector } from '../inspector.js';
import { renderTimelineSvg } from '../timeline/svg.js';
import { timelineGeometry } from '../timeline/timeline.js';
import { renderHtml } from './html.js';
import { jsonReport } from './json.js';
import { renderJunit } from './junit.js';
import { renderText } from './text.js';

/** The real player changing media once (recorded by scripts/record-fixtures.mjs), plus a planted bug. */
function changeMedia(): Inspector {
  const har = readFileSync('test/fixtures/kaltura-change-media.har', 'utf8');
  const requests = importHar(har).requests.filter((r) => r.url.includes('/api_v3/'));
  // A quartile out of order in the second playback: its finding belongs to that playback only.
  const id = new URL(requests[0]!.url).searchParams.get('sessionId')!;
  const bug = new KavaSession(id, requests.at(-1)!.startTime + 1000);
  bug.entryId = '1_pidemo02';
  bug.send(13, 0, 46, { partnerId: 3050741, uiConfId: 41234561 }, { eventIndex: 8 });
  const inspector = new Inspector();
  inspector.addAll([...requests, ...bug.requests]);
  return inspector;
}

describe('reports of one session id with two playbacks (change media)', () => {
  it('the text report heads each playback with its number and the change of media', () => {
    const text = renderText(changeMedia());
    const heads = text.split('\n').filter((l) => l.startsWith('Kaltura KAVA session'));
    expect(heads).toHaveLength(2);
    expect(heads[0]).toMatch(/ · playback 1 of 2 · entry 1_pidemo01 · /);
    expect(heads[1]).toMatch(/ · playback 2 of 2 · after a change of media · entry 1_pidemo02 · /);
    // the planted finding is listed under the second playback, not the first
    const second = text.slice(text.indexOf(heads[1]!));
    expect(second).toMatch(/✖ error +kava\/order \(#11, #13\)/);
    expect(text.slice(0, text.indexOf(heads[1]!))).not.toContain('kava/order');
    expect(text).toMatch(/14 beacons in 2 sessions: 1 error, 0 warnings/);
  });

  it('JSON numbers the playbacks of the id and their findings; JUnit has a suite per playback', () => {
    const inspector = changeMedia();
    const json = jsonReport(inspector);
    expect(json.sessions.map((s) => [s.playback, s.beacons.length])).toEqual([
      [1, 6],
      [2, 8],
    ]);
    expect(json.findings.filter((f) => f.rule === 'kava/order').map((f) => f.playback)).toEqual([2]);
    const suites = [...renderJunit(inspector).matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1]);
    expect(suites.map((s) => s?.replace(/session \S+/, 'session <id>'))).toEqual([
      'kava session <id>',
      'kava session <id> playback 2',
    ]);
  });

  it('the timeline marks where the new playback began; the HTML report names it', () => {
    const inspector = changeMedia();
    const [first, second] = inspector.sessions();
    expect(timelineGeometry(first!).playbackStart).toBeUndefined();
    const g = timelineGeometry(second!);
    expect(g.playbackStart).toEqual({
      x: g.plot.x,
      label: 'Playback 2 · entry 1_pidemo02 · change of media, same session id',
    });
    expect(renderTimelineSvg(g)).toContain(
      '<g class="playback-start"><line x1="48" y1="12" x2="48" y2="192"/><text x="52" y="22">Playback 2 · entry 1_pidemo02 · change of media, same session id</text></g>',
    );
    const html = renderHtml(inspector);
    expect(html).toContain(', playback 1 of 2</h3>');
    expect(html).toContain(', playback 2 of 2</h3>');
  });
});
