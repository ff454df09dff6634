import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

function fakeStream() {
  const chunks: string[] = [];
  const stream = { isTTY: false, columns: 80, write: (s: string) => chunks.push(s) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('createProgress', () => {
  it('writes one plain line per step with the counts when not interactive (CI)', () => {
    const { stream, text } = fakeStream();
    let counts = { beacons: 0, errors: 0, warnings: 0 };
    const progress = createProgress(stream, () => counts, false);
    progress.start('http://example.test/watch');
    progress.step(1, 3, 'wait for the player');
    counts = { beacons: 5, errors: 1, warnings: 2 };
    progress.step(2, 3, 'play');
    progress.log('  note: something');
    progress.stop();
    const lines = text()
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n');
    expect(lines[0]).toBe('audit http://example.test/watch');
    expect(lines[1]).toMatch(/^ {2}\[1\/3\] wait for the player \(0:0\d · 0 beacons · no findings\)$/);
    expect(lines[2]).toMatch(/^ {2}\[2\/3\] play \(0:0\d · 5 beacons · 1 error, 2 warnings\)$/);
    expect(lines[3]).toBe('  note: something');
    expect(text()).not.toContain('\r');
  });

  it('redraws one line in place on a terminal, never wider than it', () => {
    const { stream, text } = fakeStream();
    const progress = createProgress(stream, () => ({ beacons: 1, errors: 0, warnings: 0 }), true);
    progress.start('http://example.test/');
    progress.step(1, 1, `seek ${'x'.repeat(200)}`);
    progress.stop();
    const drawn = text()
      .split('\r\x1b[2K')
      .filter((s) => s.includes('[1/1]'));
    expect(drawn.length).toBeGreaterThan(0);
    for (const line of drawn) expect(line.replace(/\x1b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(79);
    expect(text().endsWith('\r\x1b[2K')).toBe(true);
  });
});
