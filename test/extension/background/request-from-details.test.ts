import { describe, expect, it } from 'vitest';
import type { WebRequest } from 'webextension-polyfill';
import { requestFromDetails } from '../../../src/extension/background/request-from-details.js';

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
