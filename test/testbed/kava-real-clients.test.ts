import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../../src/core/capture/captured-request.js';
import { importHar } from '../../src/core/capture/har-import.js';
import { Inspector } from '../../src/core/inspector.js';

// Real clients the rules must accept, recorded by `npm run record-fixtures` from the demo site: the real
// Kaltura player 3.17.95 from node_modules with KAVA 0.15.1 (change media, seeks while paused) and with
// KAVA 0.5.1 (installed under the npm alias kava-0-5). The planted bugs below edit these real captures.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** The analytics requests of a fixture (the page document is left out), in capture order. */
function beaconsOf(name: string): CapturedRequest[] {
  const file = join(fixtures, `${name}.har`);
  return importHar(readFileSync(file, 'utf8'), { name: file }).requests.filter((r) =>
    r.url.includes('/api_v3/'),
  );
}

function inspect(requests: readonly CapturedRequest[]): Inspector {
  const inspector = new Inspector();
  inspector.addAll(requests);
  return inspector;
}

const param = (r: CapturedRequest, key: string) => new URL(r.url).searchParams.get(key);
const isEvent = (type: string) => (r: CapturedRequest) => param(r, 'eventType') === type;
/** Errors and warnings as "rule #beacons". */
const defects = (inspector: Inspector) =>
  inspector
    .findings()
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule} ${f.beacons.map((b) => `#${b}`).join(',')}`);

/** A copy of the request sent `ms` later. */
const shifted = (r: CapturedRequest, ms: number): CapturedRequest => ({ ...r, startTime: r.startTime + ms });

describe('real KAVA clients: recorded captures give no error and no warning', () => {
  it.each(['kaltura-change-media', 'kaltura-change-media-twice', 'kaltura-seek-paused', 'kaltura-kava-0-5'])(
    '%s',
    (name) => {
      const inspector = inspect(beaconsOf(name));
      expect(inspector.beacons().length).toBeGreaterThan(10);
      expect(inspector.beacons().every((b) => b.protocol === 'kava' && b.event.known)).toBe(true);
      expect(defects(inspector)).toEqual([]);
    },
  );
});

describe('change media (player 3.17.95, KAVA 0.15.1)', () => {
  it('the first change keeps the session id: two playbacks of one id, the second restarting eventIndex at 1', () => {
    const requests = beaconsOf('kaltura-change-media');
    const impressions = requests.filter(isEvent('1'));
    expect(impressions.map((r) => [param(r, 'eventIndex'), param(r, 'entryId')])).toEqual([
      ['1', '1_pidemo01'],
      ['1', '1_pidemo02'],
    ]);
    expect(new Set(requests.map((r) => param(r, 'sessionId'))).size).toBe(1);
    // the new entry's Impression carries the old entry's playhead
    expect(Number(param(impressions[1]!, 'position'))).toBeGreaterThan(10);
    const sessions = inspect(requests).sessions();
    expect(sessions.map((s) => [s.playbackNumber, s.playback.entryId])).toEqual([
      [1, '1_pidemo01'],
      [2, '1_pidemo02'],
    ]);
    expect(sessions[1]!.follows).toBe(sessions[0]!.key);
  });

  it('the second change gets a new id with the same first guid, linked to the playback before', () => {
    const requests = beaconsOf('kaltura-change-media-twice');
    const ids = [...new Set(requests.map((r) => param(r, 'sessionId')!))];
    expect(ids).toHaveLength(2);
    expect(ids[0]!.split(':')[0]).toBe(ids[1]!.split(':')[0]);
    const sessions = inspect(requests).sessions();
    expect(sessions.map((s) => [s.id === ids[0], s.playbackNumber, s.playback.entryId])).toEqual([
      [true, 1, '1_pidemo01'],
      [true, 2, '1_pidemo02'],
      [false, 1, '1_pidemo03'],
    ]);
    expect(sessions[2]!.follows).toBe(sessions[1]!.key);
  });

  it('fires on a change of entry without a new Impression, at the beacons concerned', () => {
    const requests = beaconsOf('kaltura-change-media');
    const second = requests.findIndex((r, i) => i > 0 && isEvent('1')(r));
    const withoutImpression = requests.filter((_, i) => i !== second);
    const inspector = inspect(withoutImpression);
    const found = inspector.findings().filter((f) => f.severity !== 'info');
    const at = (rule: string) => found.find((f) => f.rule === rule)?.beacons;
    expect(at('session/mixed-ids')).toEqual([second - 1, second]);
    expect(at('kava/event-index-sequence')).toEqual([second - 1, second]);
  });

  it('fires on a beacon lost inside the new playback', () => {
    const requests = beaconsOf('kaltura-change-media');
    const lastView = requests.findLastIndex(isEvent('99'));
    const inspector = inspect(requests.filter((_, i) => i !== lastView));
    expect(defects(inspector)).toContain(`kava/event-index-sequence #${lastView - 1},#${lastView}`);
  });
});

describe('seeks while paused (player 3.17.95, KAVA 0.15.1)', () => {
  it('sends the skipped quartiles while paused, and resets after 35 s paused with a seek inside', () => {
    const requests = beaconsOf('kaltura-seek-paused');
    const types = requests.map((r) => param(r, 'eventType'));
    // Pause, Seek, the quartile it skipped, Resume: twice
    expect(types.join(' ')).toMatch(/33 35 1[1-4] 4 .*33 35 1[1-4] 4/);
    const resumes = requests.filter(isEvent('4'));
    expect(resumes.map((r) => param(r, 'eventIndex'))).toEqual(['8', '1']);
    const findings = inspect(requests).findings();
    const reset = findings.filter((f) => f.rule === 'kava/session-reset');
    expect(reset.map((f) => f.beacons)).toEqual([[requests.indexOf(resumes[1]!)]]);
  });

  it('fires when the player’s restart at 1 comes after a pause shorter than 30 s', () => {
    const requests = beaconsOf('kaltura-seek-paused');
    const resume = requests.findLastIndex(isEvent('4'));
    // The same capture with the second pause 20 s shorter: a restart the player would not make.
    const shorter = requests.map((r, i) => (i >= resume ? shifted(r, -20_000) : r));
    expect(defects(inspect(shorter))).toContain(`kava/event-index-sequence #${resume - 1},#${resume}`);
  });
});

describe('KAVA 0.5.1 in player 3.17.95', () => {
  it('sends no View with Play, applicationVersion, short Views and 100% at exactly the duration', () => {
    const requests = beaconsOf('kaltura-kava-0-5');
    const play = requests.find(isEvent('3'))!;
    const view = requests.find(isEvent('99'))!;
    expect(view.startTime - play.startTime).toBeGreaterThan(9000);
    expect(param(view, 'playbackSpeed')).toBeNull();
    expect(param(view, 'droppedFramesRatio')).toBeNull();
    expect(param(play, 'applicationVersion')).toBe('pi-demo-1.0');
    expect(param(play, 'applicationVer')).toBeNull();
    expect(requests.some(isEvent('41'))).toBe(false);
    expect(param(requests.find(isEvent('14'))!, 'position')).toBe('60');
  });

  it('fires when its first View comes neither with Play nor one interval after it', () => {
    const requests = beaconsOf('kaltura-kava-0-5');
    const view = requests.findIndex(isEvent('99'));
    const late = requests.map((r, i) => (i === view ? shifted(r, 5000) : r));
    expect(defects(inspect(late))).toContain(`kava/view-interval #${view - 1},#${view}`);
  });
});
