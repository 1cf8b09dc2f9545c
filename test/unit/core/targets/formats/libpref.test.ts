import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPrefString, formatUserPrefLine, parseUserPrefLine } from '@core/targets/formats/libpref';
import { fuzzSeed, hostileString, NAMED_HOSTILE, noFileCanHold } from '../../../../support/hostile-strings';

// Mozilla's grammar, not JSON's. The real libpref reads the same lines in the Thunderbird integration tests;
// these pin the rules: what JSON writes and libpref refuses, and what nothing can carry.

describe('prefs.js strings in libpref’s grammar', () => {
  it('writes no escape libpref lacks: a tab, a backspace and a form feed are not \\t \\b \\f as JSON has them', () => {
    for (const value of ['a\tb', 'a\bb', 'a\fb']) {
      const literal = formatPrefString(value);
      expect(literal).not.toMatch(/\\[tbf]/);
      expect(literal).not.toBe(JSON.stringify(value));
    }
    expect(formatPrefString('a\tb')).toBe('"a\\u0009b"');
  });

  it('refuses what prefs.js cannot carry (NUL, unpaired surrogates) instead of writing something else', () => {
    for (const value of ['a\0b', 'x\uD800', '\uDC00y', '\uDC00\uD800']) {
      expect(() => formatPrefString(value)).toThrowError(
        expect.objectContaining({ code: 'UNWRITABLE_VALUE' }),
      );
    }
    expect(formatPrefString('pair 𝄞')).toBe('"pair 𝄞"');
  });

  it('reads back exactly what it wrote, one line per preference, for hostile strings', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (key, value) => {
        if (noFileCanHold(key) || noFileCanHold(value)) {
          expect(() => formatUserPrefLine(key, value)).toThrow();
          return;
        }
        const line = formatUserPrefLine(key, value);
        expect(line.split(/[\n\r]/)).toHaveLength(1);
        expect(parseUserPrefLine(line)).toEqual({ key, value });
      }),
      { seed: fuzzSeed(), numRuns: 2000 },
    );
    for (const value of NAMED_HOSTILE.filter((value) => !noFileCanHold(value))) {
      expect(parseUserPrefLine(formatUserPrefLine('k', value))?.value).toBe(value);
    }
  });

  it('reads lines as Thunderbird writes them: raw control characters, single quotes, \\x and \\u escapes', () => {
    expect(parseUserPrefLine('user_pref("a", "tab\there\u0001");')).toEqual({
      key: 'a',
      value: 'tab\there\u0001',
    });
    expect(parseUserPrefLine("user_pref('b', 'it\\'s');")).toEqual({ key: 'b', value: "it's" });
    expect(parseUserPrefLine('user_pref("c", "\\x41\\u00e9\\ud834\\udd1e");')).toEqual({
      key: 'c',
      value: 'Aé𝄞',
    });
    expect(parseUserPrefLine('user_pref("d", -7);')).toEqual({ key: 'd', value: -7 });
    expect(parseUserPrefLine('user_pref("e", true); // note')).toEqual({ key: 'e', value: true });
  });

  it('does not read what libpref refuses', () => {
    for (const line of [
      'user_pref("a", "x\\ty");',
      'user_pref("a", "\\x00");',
      'user_pref("a", "\\ud800");',
      'user_pref("a", "\\udc00");',
      'user_pref("a", 2147483648);',
      'user_pref("a", "open);',
      'user_pref("a", 1) extra;',
      'pref("a", 1);',
    ]) {
      expect(parseUserPrefLine(line)).toBeUndefined();
    }
  });

  it('refuses an integer libpref cannot hold', () => {
    expect(() => formatUserPrefLine('port', 2 ** 31)).toThrow();
    expect(() => formatUserPrefLine('port', 1.5)).toThrow();
    expect(formatUserPrefLine('port', 993)).toBe('user_pref("port", 993);');
  });
});
