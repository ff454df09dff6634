import { describe, expect, it } from 'vitest';
import { kava } from './index.js';
import { kavaSpec } from './spec.js';

describe('KAVA spec table', () => {
  it('knows every parameter of the document and of what Kaltura’s player sends', () => {
    const keys = [
      // document
      'eventType',
      'partnerId',
      'entryId',
      'flavourId',
      'ks',
      'sessionId',
      'eventIndex',
      'bufferTime',
      'actualBitrate',
      'preferredBitrate',
      'referrer',
      'deliveryType',
      'playbackType',
      'kalsig',
      'sessionStartTime',
      'uiConfId',
      'clientVer',
      'clientTag',
      'position',
      'playbackContext',
      'customVar1',
      'customVar2',
      'customVar3',
      'socialNetwork',
      'reportType',
      'targetPosition',
      'caption',
      'playbackSpeed',
      // real player
      'service',
      'action',
      'apiVersion',
      'format',
      'bufferTimeSum',
      'joinTime',
      'canPlay',
      'networkConnectionType',
      'playTimeSum',
      'averageBitrate',
      'audioLanguage',
      'captionsLanguage',
      'soundMode',
      'tabMode',
      'droppedFramesRatio',
      'forwardBufferHealth',
      'manifestDownloadTime',
      'segmentDownloadTime',
      'bandwidth',
      'targetBuffer',
      'networkConnectionOverhead',
      'flavorParamsId',
      'language',
      'errorCode',
      'errorDetails',
      'errorPosition',
      'userId',
      'playlistId',
      'applicationVer',
    ];
    for (const key of keys) {
      const spec = kava.paramSpec(key);
      expect(spec, key).toBeDefined();
      expect(spec?.name.length, key).toBeGreaterThan(0);
      expect(spec?.description.length, key).toBeGreaterThan(0);
    }
    expect(new Set(kavaSpec.params.map((p) => p.key)).size).toBe(kavaSpec.params.length);
  });

  it('marks ks as a secret and referrer as double-encoded', () => {
    expect(kava.paramSpec('ks')?.secret).toBe(true);
    expect(kava.paramSpec('referrer')?.doubleEncoded).toBe(true);
    expect(kavaSpec.params.filter((p) => p.secret).map((p) => p.key)).toEqual(['ks']);
  });

  it('names the document’s and the real player’s events as kava.md does', () => {
    const names: Record<string, string> = {
      '1': 'Player Impression',
      '2': 'Play Requested',
      '3': 'Play',
      '4': 'Resume',
      '11': 'Play reached 25%',
      '12': 'Play reached 50%',
      '13': 'Play reached 75%',
      '14': 'Play reached 100%',
      '21': 'Share Clicked',
      '22': 'Shared',
      '23': 'Download clicked',
      '24': 'Report clicked',
      '25': 'Report submitted',
      '31': 'Enter fullscreen',
      '32': 'Exit fullscreen',
      '33': 'Pause clicked',
      '34': 'Replay clicked',
      '35': 'Seek',
      '36': 'relatedClicked',
      '37': 'relatedSelected',
      '38': 'captions',
      '39': 'sourceSelected',
      '40': 'info',
      '41': 'speed',
      '42': 'Audio Selected',
      '43': 'Flavor Switch',
      '45': 'Buffer Start',
      '46': 'Buffer End',
      '98': 'Error',
      '99': 'View',
    };
    for (const [code, name] of Object.entries(names)) expect(kava.eventName(code)).toBe(name);
    expect(kavaSpec.events.map((e) => e.code).sort()).toEqual(Object.keys(names).sort());
    expect(kava.eventName('77')).toBe('Unknown event 77');
  });

  it('requires what both the document and the real player send, and lists the document-only fields apart', () => {
    expect(kavaSpec.commonRequired).toEqual(['eventType', 'partnerId', 'entryId', 'sessionId', 'eventIndex']);
    for (const code of ['3', '4', '99']) {
      expect(kava.eventSpec(code)?.required).toEqual(['bufferTime', 'actualBitrate']);
      expect(kava.eventSpec(code)?.docRequired).toEqual(['flavourId', 'preferredBitrate']);
    }
    expect(kava.eventSpec('35')?.required).toEqual(['targetPosition']);
    expect(kava.eventSpec('22')?.required).toEqual(['socialNetwork']);
    expect(kava.eventSpec('25')?.required).toEqual(['reportType']);
    expect(kava.eventSpec('38')?.required).toEqual(['caption']);
    expect(kava.eventSpec('41')?.required).toEqual(['playbackSpeed']);
    expect(kava.eventSpec('1')?.docRequired).toEqual(['flavourId']);
    expect(kava.eventSpec('45')?.docRequired).toBeUndefined();
  });
});
