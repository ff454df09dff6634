import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from './captured-request.js';
import { exportHar } from './har-export.js';
import { importHar } from './har-import.js';

const kava: CapturedRequest = {
  id: '0',
  method: 'GET',
  url: 'https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent&ks=djJ8MTIzfA%3D%3D&eventType=1#frag',
  requestHeaders: [
    { name: 'Cookie', value: 'session=abc' },
    { name: 'authorization', value: 'Bearer xyz' },
    { name: 'Accept', value: '*/*' },
  ],
  status: 200,
  responseText: '1772359200',
  startTime: Date.UTC(2026, 2, 1, 10),
  duration: 12,
  tabId: 'page_1',
  initiatorType: 'xhr',
};

const statsPost: CapturedRequest = {
  id: '1',
  method: 'POST',
  url: 'https://stats.kaltura.com/api_v3/index.php?service=stats&action=collect',
  body: {
    kind: 'text',
    text: 'event%3AeventType=3&event%3Aks=secret1&event[ks]=secret2&ks=secret3',
    mimeType: 'application/x-www-form-urlencoded',
  },
  status: 0,
  error: 'net::ERR_BLOCKED_BY_CLIENT',
  startTime: Date.UTC(2026, 2, 1, 10, 0, 1),
  initiatorType: 'beacon',
};

describe('exportHar', () => {
  it('writes HAR 1.2 that imports back into the same requests when secrets are kept', () => {
    const har = exportHar([kava, statsPost], { redact: false, version: '1.0.0' });
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'player-inspector', version: '1.0.0' });
    expect(har.log.entries[0]?.request.queryString).toContainEqual({ name: 'ks', value: 'djJ8MTIzfA==' });
    const back = importHar(JSON.stringify(har)).requests;
    expect(back).toEqual([kava, statsPost]);
  });

  it('redacts by default, everywhere a secret can hide', () => {
    const text = JSON.stringify(exportHar([kava, statsPost]));
    for (const secret of ['djJ8MTIzfA', 'secret1', 'secret2', 'secret3', 'session=abc', 'Bearer']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toMatch(/REDACTED:[0-9a-f]{4}:upto\d+/);
    expect(text).not.toContain('Secrets included');
  });

  it('keeps binary bodies as base64', () => {
    const binary: CapturedRequest = { ...kava, body: { kind: 'binary', base64: 'AP8BAg==' } };
    const back = importHar(JSON.stringify(exportHar([binary], { redact: false }))).requests[0];
    expect(back?.body).toEqual({ kind: 'binary', base64: 'AP8BAg==', mimeType: 'application/octet-stream' });
  });
});
