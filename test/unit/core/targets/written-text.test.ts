import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isXmlChar } from '@core/targets/formats/xml-text';
import { exactValue, MAX_NAME_LENGTH, shownName } from '@core/targets/written-text';
import { fuzzSeed, hostileString } from '../../../support/hostile-strings';

// The one rule for values written into other programs: names are kept wherever a grammar can carry them,
// values a program acts on are exact or refused.

describe('what may be written into another program', () => {
  it('keeps a name as it is when every file can carry it, quotes, brackets and line breaks included', () => {
    for (const name of ['Lavoro', 'Studio <Rossi> & "Partner"', 'Lavoro\nnuovo', 'x");user_pref(']) {
      expect(shownName(name, 'fallback')).toEqual({ value: name, cleaned: false });
    }
  });

  it('cleans what no file can hold, and says so', () => {
    expect(shownName('a\u0000b\uD800', 'f')).toEqual({ value: 'a\uFFFDb\uFFFD', cleaned: true });
    expect(shownName('\tWork', 'f')).toEqual({ value: 'Work', cleaned: true });
    expect(shownName('x'.repeat(5000), 'f').value).toHaveLength(MAX_NAME_LENGTH);
    expect(shownName('   ', 'f')).toEqual({ value: 'f', cleaned: true });
    expect(shownName('a\u0001b', 'f', 'xml')).toEqual({ value: 'a b', cleaned: true });
    expect(shownName('a\nb\rc', 'f', 'line')).toEqual({ value: 'a b c', cleaned: true });
  });

  it('never lets a name through that a line or an XML file cannot hold', () => {
    fc.assert(
      fc.property(hostileString, (name) => {
        expect(shownName(name, 'f', 'line').value).not.toMatch(/[\p{Cc}\u2028\u2029\uD800-\uDFFF]/u);
        const xml = shownName(name, 'f', 'xml').value;
        expect([...xml].every((char) => isXmlChar(char.codePointAt(0) ?? 0))).toBe(true);
      }),
      { seed: fuzzSeed(), numRuns: 2000 },
    );
  });

  it('refuses an address, user name or host it would have to change, naming it without its control characters', () => {
    for (const value of ['anna\nroot', 'a\u0000', 'x\uD800', 'tab\there', 'a'.repeat(400), '', '  ']) {
      let error: unknown;
      try {
        exactValue(value, 'username');
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({
        code: 'UNWRITABLE_VALUE',
        message: expect.stringContaining('user name'),
      });
      expect((error as Error).message).not.toMatch(/[\p{Cc}]/u);
    }
    expect(exactValue('AB12345', 'username')).toBe('AB12345');
  });
});
