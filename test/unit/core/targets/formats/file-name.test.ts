import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '@core/targets/formats/file-name';
import { fuzzSeed, hostileString } from '../../../../support/hostile-strings';

describe('names that become a file or folder name', () => {
  it('are always one ordinary path segment', () => {
    fc.assert(
      fc.property(hostileString, (name) => {
        const { value } = safeFileName(name, 'Drive');
        expect(value).not.toMatch(/[/\\:*?"<>|\p{Cc}]|^\.|[. ]$|^$/u);
        expect([...value].length).toBeLessThanOrEqual(100);
        expect(/[\uD800-\uDFFF]/u.test(value)).toBe(false);
      }),
      { seed: fuzzSeed(), numRuns: 2000 },
    );
  });

  it('keep an ordinary name as it is, and say when they changed one', () => {
    expect(safeFileName('kDrive — Studio Rossi', 'Drive')).toEqual({
      value: 'kDrive — Studio Rossi',
      cleaned: false,
    });
    expect(safeFileName('..', 'Drive')).toEqual({ value: 'Drive', cleaned: true });
    expect(safeFileName('a/b:c', 'Drive')).toEqual({ value: 'a-b-c', cleaned: true });
  });
});
