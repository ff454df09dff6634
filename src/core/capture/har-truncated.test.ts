import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from './captured-request.js';
import { exportHar } from './har-export.js';

const post = (body: CapturedRequest['body']): CapturedRequest => ({
  id: '1',
  method: 'POST',
  url: 'https://analytics.kaltura.com/api_v3/index.php',
  startTime: Date.UTC(2026, 2, 1),
  body,
});

// The extension keeps only the beginning of a long body: an export must not pass it off as whole.
describe('exportHar of a truncated body', () => {
  it('says in postData.comment how much of the body was kept, redacted or not', () => {
    const request = post({ kind: 'text', text: 'ks=secret&eventType=1', truncatedFrom: 100_000 });
    for (const redact of [true, false]) {
      const [entry] = exportHar([request], { redact }).log.entries;
      expect(entry?.request.postData?.comment).toBe('truncated: 21 of 100000 bytes kept');
    }
    const binary = exportHar([post({ kind: 'binary', base64: btoa('abcd'), truncatedFrom: 9 })]);
    expect(binary.log.entries[0]?.request.postData?.comment).toBe('truncated: 4 of 9 bytes kept');
  });

  it('adds no comment to a whole body', () => {
    const [entry] = exportHar([post({ kind: 'text', text: 'eventType=1' })]).log.entries;
    expect(entry?.request.postData?.comment).toBeUndefined();
  });
});
