import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asHostName } from '@core/discovery/host-name';
import { HOSTILE_NAMES } from './hostile-dns';

// A fixed seed keeps CI repeatable; PONTE_FUZZ_SEED=<n> explores other cases (a failure prints its seed).
fc.configureGlobal({ seed: Number(process.env.PONTE_FUZZ_SEED ?? 20261123) });

/** RFC 1035 §2.3.1 / RFC 1123 §2.1, written out again here so the test does not trust the code's own. */
const LDH_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

describe('asHostName', () => {
  it('lower-cases and drops the root’s trailing dot', () => {
    expect(asHostName('MAIL.Example.COM.')).toBe('mail.example.com');
    expect(asHostName('localhost')).toBe('localhost');
    expect(asHostName('XN--BCHER-KVA.example')).toBe('xn--bcher-kva.example');
    expect(asHostName('1and1.example')).toBe('1and1.example');
  });

  it('takes labels of 63 and names of 253 characters, not one more', () => {
    const label = 'a'.repeat(63);
    expect(asHostName(`${label}.example`)).toBe(`${label}.example`);
    const longest = `${'a.'.repeat(125)}abc`;
    expect(longest).toHaveLength(253);
    expect(asHostName(longest)).toBe(longest);
    expect(asHostName(`${longest}.`)).toBe(longest);
    expect(asHostName(`a${longest}`)).toBeUndefined();
  });

  it.each(HOSTILE_NAMES)('refuses %j', (value) => {
    expect(asHostName(value)).toBeUndefined();
  });

  it('any string: undefined, or an LDH name that the URL parser keeps exactly as it is', () => {
    // Near-misses reach further than noise: name-like pieces, A-label prefixes, numbers and the odd hostile
    // character, glued together.
    const near = fc
      .array(
        fc.constantFrom(
          ...['a', 'Z', 'q9', '0', '12', '0x', 'xn--', 'XN--', 'kva', '-', '.', '..', 'a'.repeat(63)],
          ...[' ', '/', ':', '?', '#', '@', '%', '"', '[', ']', '_', '\\', '\u0000', '\r\n', '\u212A', 'ä'],
        ),
        { maxLength: 12 },
      )
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary' }), near), (value) => {
        const name = asHostName(value);
        if (name === undefined) return;
        expect(name).toMatch(LDH_NAME);
        expect(new URL(`https://${name}/`).hostname).toBe(name);
      }),
      { numRuns: 5000 },
    );
  });

  it('any LDH name with an alphabetic top label comes back lower-cased, with or without the trailing dot', () => {
    const label = fc
      .stringMatching(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,20}[a-zA-Z0-9])?$/)
      .filter((l) => !/^xn--/i.test(l));
    const top = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,9}$/);
    fc.assert(
      fc.property(fc.array(label, { maxLength: 6 }), top, fc.boolean(), (labels, last, dot) => {
        const name = [...labels, last].join('.');
        expect(asHostName(dot ? `${name}.` : name)).toBe(name.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});
