import { describe, expect, it } from 'vitest';
import {
  clearedNotice,
  FORMAT_VERSION,
  OLDEST_MIGRATABLE,
  planFormat,
} from '../../../src/extension/background/stored-format.js';

describe('stored beacon format', () => {
  it('creates a database where there is none and keeps one of this format', () => {
    expect(planFormat(0)).toEqual({ action: 'create' });
    expect(planFormat(FORMAT_VERSION)).toEqual({ action: 'keep' });
  });

  it('migrates every older format down to the oldest it has steps for', () => {
    for (let found = OLDEST_MIGRATABLE; found < FORMAT_VERSION; found++) {
      expect(planFormat(found)).toEqual({ action: 'migrate', from: found });
    }
    expect(planFormat(3, 5, 2)).toEqual({ action: 'migrate', from: 3 });
    expect(planFormat(2, 5, 2)).toEqual({ action: 'migrate', from: 2 });
  });

  it('clears a format too old to migrate and any newer (unknown) one', () => {
    expect(planFormat(1, 5, 2)).toEqual({ action: 'clear', from: 1 });
    expect(planFormat(FORMAT_VERSION + 1)).toEqual({ action: 'clear', from: FORMAT_VERSION + 1 });
    expect(planFormat(99)).toEqual({ action: 'clear', from: 99 });
  });

  it('tells the user whether the cleared data came from an older or a newer version', () => {
    expect(clearedNotice(1, 5)).toBe(
      'Stored beacons from an older version of Player Inspector could not be read and were cleared.',
    );
    expect(clearedNotice(FORMAT_VERSION + 1)).toContain('from a newer version');
  });
});
