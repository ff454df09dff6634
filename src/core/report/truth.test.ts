import { describe, expect, it } from 'vitest';
import { KavaSession } from '../../../test/helpers/kava-session.js';
import { AUDIT_STEPS, simulateVideo, truthOf } from '../../../test/helpers/truth-video.js';
import { exportHar } from '../capture/har-export.js';
import { importHar } from '../capture/har-import.js';
import { Inspector } from '../inspector.js';
import { jsonReport, renderHtml, renderJunit, renderText } from './index.js';

function capture(withTruth: boolean) {
  const s = new KavaSession();
  s.startPlaying();
  s.send(33, 12, 11);
  const inspector = new Inspector();
  inspector.addAll(s.requests);
  const video = simulateVideo(AUDIT_STEPS);
  const load = video.events.find((e) => e.type === 'loadstart');
  if (load)
    load.src = 'https://cdnapisec.kaltura.com/p/1/playManifest/ks/djJ8MTIzNDU2fGFiY2Rl/a.mp4?ks=secret1';
  if (withTruth) inspector.setTruth(truthOf([video]));
  return { inspector, requests: s.requests };
}

describe('ground truth in reports', () => {
  it('the JSON report has a truth section per video, media URLs redacted', () => {
    const report = jsonReport(capture(true).inspector);
    const video = report.truth?.videos[0];
    expect(video?.id).toBe('video1');
    expect(video?.sessions).toEqual([report.sessions[0] && `kava:${report.sessions[0].id}`]);
    expect(video?.watchedSeconds).toBeCloseTo(23.5, 0);
    expect(video?.events.map((e) => e.kind)).toContain('seek');
    const src = video?.media.find((e) => e.src)?.src ?? '';
    expect(src).not.toContain('secret1');
    expect(src).not.toContain('djJ8MTIzNDU2fGFiY2Rl');
    expect(jsonReport(capture(false).inspector).truth).toBeUndefined();
  });

  it('the text report has one line per video; the HTML timeline draws the real playhead', () => {
    const { inspector } = capture(true);
    expect(renderText(inspector)).toMatch(
      /Ground truth: video#video1 \(video1\) played 23\.\d s of 60 s, 1 pause\(s\), 1 seek\(s\), ended/,
    );
    const html = renderHtml(inspector);
    expect(html).toContain('class="truth-playhead"');
    expect(renderHtml(capture(false).inspector)).not.toContain('class="truth-playhead"');
  });

  it('JUnit fails the session for a truth finding about it, and the capture for one about no session', () => {
    const { inspector } = capture(true);
    // The capture's KAVA session never reports the real resume at 15 s nor the seek.
    const xml = renderJunit(inspector);
    expect(xml).toMatch(/<testcase classname="kava\.[^"]+" name="truth\/event-not-reported"><failure/);
    const silent = new Inspector();
    silent.setTruth(inspector.truth());
    expect(renderJunit(silent)).toMatch(/<testcase classname="capture" name="truth\/no-beacons"><failure/);
  });

  it('an audit HAR carries the truth, so an imported capture is judged against it again', () => {
    const { inspector, requests } = capture(true);
    const truth = inspector.truth();
    const har = JSON.stringify(exportHar(requests, truth ? { truth } : {}));
    expect(har).not.toContain('secret1');
    const imported = importHar(har);
    expect(imported.truth?.videos[0]?.events.length).toBe(truth?.videos[0]?.events.length);
    expect(importHar(JSON.stringify(exportHar(requests))).truth).toBeUndefined();
  });
});
