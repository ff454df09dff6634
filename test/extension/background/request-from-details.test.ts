import { describe, expect, it } from 'vitest';
import type { WebRequest } from 'webextension-polyfill';
import {
  MAX_BODY_BYTES,
  requestFromDetails,
} from '../../../src/extension/background/request-from-details.js';

const details = (extra: Partial<WebRequest.OnBeforeRequestDetailsType>) =>
  ({
    requestId: '42',
    url: 'https://ihe.jwpltx.com/v1/jwplayer6/ping.gif?e=s',
    method: 'POST',
    frameId: 0,
    parentFrameId: -1,
    tabId: 7,
    type: 'ping',
    timeStamp: 1_700_000_000_123.5,
    ...extra,
  }) as WebRequest.OnBeforeRequestDetailsType;

describe('requestFromDetails', () => {
  it('maps a sendBeacon ping with a text body', () => {
    const text = 'service=analytics&action=trackEvent&eventType=3';
    const bytes = new TextEncoder().encode(text).buffer;
    const request = requestFromDetails(details({ requestBody: { raw: [{ bytes }] } }));
    expect(request).toEqual({
      id: '42',
      method: 'POST',
      url: 'https://ihe.jwpltx.com/v1/jwplayer6/ping.gif?e=s',
      startTime: 1_700_000_000_123.5,
      tabId: 7,
      initiatorType: 'beacon',
      body: { kind: 'text', text },
    });
  });

  it('joins body chunks and keeps bytes that are not UTF-8 as base64', () => {
    const a = new Uint8Array([0xff, 0x00]).buffer;
    const b = new Uint8Array([0x41]).buffer;
    const request = requestFromDetails(details({ requestBody: { raw: [{ bytes: a }, { bytes: b }] } }));
    expect(request.body).toEqual({ kind: 'binary', base64: btoa('\xff\x00A') });
  });

  it('turns parsed form data back into a form body', () => {
    const formData = { eventType: ['2'], sessionId: ['a:b'], tag: ['x y', 'z'] };
    const request = requestFromDetails(
      details({ type: 'xmlhttprequest', requestBody: { formData: formData as never } }),
    );
    expect(request.initiatorType).toBe('xhr');
    expect(request.body).toEqual({
      kind: 'text',
      text: 'eventType=2&sessionId=a%3Ab&tag=x+y&tag=z',
      mimeType: 'application/x-www-form-urlencoded',
    });
  });

  it('keeps no body when the browser could not read it', () => {
    const request = requestFromDetails(
      details({ type: 'image', method: 'GET', requestBody: { error: 'Unknown error.' } }),
    );
    expect(request.body).toBeUndefined();
    expect(request.initiatorType).toBe('image');
  });
});

describe('request bodies are capped', () => {
  it(`keeps the first ${MAX_BODY_BYTES} bytes of a longer raw body and says how long it was`, () => {
    // 'é' is two bytes: the cut falls inside one, which must not turn the text into base64.
    const text = `a${'é'.repeat(MAX_BODY_BYTES)}`;
    const bytes = new TextEncoder().encode(text);
    const request = requestFromDetails(details({ requestBody: { raw: [{ bytes: bytes.buffer }] } }));
    expect(request.body?.kind).toBe('text');
    expect(request.body?.truncatedFrom).toBe(bytes.length);
    const kept = request.body?.kind === 'text' ? request.body.text : '';
    expect(new TextEncoder().encode(kept).length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(text.startsWith(kept)).toBe(true);
    expect(kept.length).toBeGreaterThan(MAX_BODY_BYTES / 2 - 2);
  });

  it('caps a form body too, and leaves a body within the cap untouched', () => {
    const long = requestFromDetails(
      details({ requestBody: { formData: { a: ['x'.repeat(MAX_BODY_BYTES)] } as never } }),
    );
    expect(long.body).toMatchObject({ kind: 'text', truncatedFrom: MAX_BODY_BYTES + 2 });
    expect(long.body?.kind === 'text' && long.body.text.length).toBe(MAX_BODY_BYTES);
    const bytes = new TextEncoder().encode('x'.repeat(MAX_BODY_BYTES)).buffer;
    const exact = requestFromDetails(details({ requestBody: { raw: [{ bytes }] } }));
    expect(exact.body).toEqual({ kind: 'text', text: 'x'.repeat(MAX_BODY_BYTES) });
  });
});
