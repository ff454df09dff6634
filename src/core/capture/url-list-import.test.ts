import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from './har-import.js';
import { importUrlList, SYNTHETIC_STEP_MS } from './url-list-import.js';

describe('importUrlList', () => {
  it('reads URLs, skipping blanks and comments, with synthetic times one second apart', () => {
    const text = '# captured by hand\n\nhttps://a.example/1?x=1\r\n  https://a.example/2  \n# end\n';
    const requests = importUrlList(text, { startTime: 5000 });
    expect(requests).toEqual([
      { id: '0', method: 'GET', url: 'https://a.example/1?x=1', startTime: 5000 },
      { id: '1', method: 'GET', url: 'https://a.example/2', startTime: 5000 + SYNTHETIC_STEP_MS },
    ]);
  });

  it('reads a leading ISO time or epoch ms, and continues from it on lines without one', () => {
    const text = [
      '2026-03-01T10:00:00.500Z https://a.example/1',
      '1772359210000\thttps://a.example/2',
      'https://a.example/3',
    ].join('\n');
    const times = importUrlList(text).map((r) => r.startTime);
    expect(times).toEqual([Date.UTC(2026, 2, 1, 10, 0, 0, 500), 1772359210000, 1772359211000]);
  });

  it('names the line that is not a URL', () => {
    expect(() => importUrlList('https://a/1\nhello world\n', { name: 'list.txt' })).toThrow(
      'list.txt:2: not a URL (expected one URL per line): "hello world"',
    );
  });

  it('never throws anything but InputError', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          importUrlList(text);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
    );
  });
});
