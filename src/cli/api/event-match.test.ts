import { describe, expect, it } from 'vitest';
import { getRequest, query } from '../../../test/helpers/requests.js';
import { Inspector } from '../../core/inspector.js';
import { describeMatch, matchesEvent } from './event-match.js';

const kava = (params: Record<string, string | number>) =>
  getRequest(
    `https://analytics.kaltura.com/api_v3/index.php?${query({ service: 'analytics', action: 'trackEvent', ...params })}`,
  );

describe('matchesEvent', () => {
  const inspector = new Inspector();
  const seek = inspector.add(
    kava({
      eventType: 35,
      partnerId: 1,
      entryId: '1_abcdefgh',
      sessionId: 's',
      eventIndex: 1,
      targetPosition: 30,
      position: 2,
    }),
  );
  if (!seek) throw new Error('not recognised as KAVA');

  it('matches by protocol, event name or code (any case) and parameters', () => {
    expect(matchesEvent(seek, {})).toBe(true);
    expect(matchesEvent(seek, { protocol: 'kava', name: 'seek' })).toBe(true);
    expect(matchesEvent(seek, { name: '35' })).toBe(true);
    expect(matchesEvent(seek, { protocol: 'jw' })).toBe(false);
    expect(matchesEvent(seek, { name: 'Play' })).toBe(false);
    expect(matchesEvent(seek, { params: { targetPosition: true, caption: false } })).toBe(true);
    expect(matchesEvent(seek, { params: { targetPosition: '30' } })).toBe(true);
    expect(matchesEvent(seek, { params: { targetPosition: '31' } })).toBe(false);
    expect(matchesEvent(seek, { params: { position: false } })).toBe(false);
    expect(matchesEvent(seek, { params: { playbackSpeed: true } })).toBe(false);
  });

  it('describes a match for messages', () => {
    expect(describeMatch({ protocol: 'kava', name: 'Seek', params: { targetPosition: true } })).toBe(
      'a Kaltura KAVA Seek event with targetPosition',
    );
    expect(describeMatch({ name: 'Abandon', params: { pw: '128', oaid: false } })).toBe(
      'an Abandon event with pw=128, no oaid',
    );
    expect(describeMatch({})).toBe('a beacon');
  });
});
