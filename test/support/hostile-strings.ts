import fc from 'fast-check';

// Strings an attacker (a server naming its calendars, a forged DNS answer, an edited IT profile) would hand
// Ponte to see what they change in the files Ponte writes for other programs. Shared by the writers' unit
// tests and the read-backs by the real programs.

/** Every C0 control, DEL and the C1 controls, one string each. */
export const CONTROL_CHARACTERS = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  '\u007F',
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(0x80 + code)),
];

/** By hand: each grammar's own way out of a string, and the classic breakers. */
export const NAMED_HOSTILE = [
  'Quote " and \' apostrophe',
  'Back\\slash \\n \\u0041 \\x41 \\',
  'x");\nuser_pref("mail.server.server1.hostname", "evil.example");//',
  "x');user_pref('network.proxy.type', 1);",
  'Tab\there, bell\u0007, backspace\b, form\ffeed, escape\u001b',
  'Line\nbreak\r\nand\rreturn',
  'NUL\u0000inside',
  'lone high \uD800 surrogate',
  'lone low \uDC00 surrogate',
  'reversed \uDC00\uD800 pair',
  'emoji 🗓️ and ünïcödé and 日本語',
  'separators \u2028 \u2029 next-line \u0085',
  '[Data Source]\nParent=system-calendar',
  'a=b\n[Authentication]\nUser=root',
  ' leading and trailing  ',
  '</string><key>PayloadType</key><string>evil',
  ']]><!--',
  '&amp; &lt; &#0; &#x1;',
  '${HOME} $(id) `id` %s %n',
  '/../../etc/passwd',
  '..',
  'C:\\Windows\\System32',
  'bidi \u202Eevil\u202C',
  'BOM \uFEFF and nonchar \uFFFE \uFFFF',
  'x'.repeat(5000),
];

/** Random strings biased towards the characters that break grammars. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NAMED_HOSTILE),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...CONTROL_CHARACTERS),
        fc.constantFrom('"', "'", '\\', ');', '\n', '\r', '\uD800', '\uDFFF', '[', ']', '=', '<', '&', ' '),
        fc.string({ unit: 'grapheme', maxLength: 4 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join('')),
);

/** The seed of a property run: fixed on CI so it repeats, PONTE_FUZZ_SEED explores others. */
export const fuzzSeed = (): number => Number(process.env.PONTE_FUZZ_SEED ?? 20261206);

/** What no UTF-8 file can hold, whatever its grammar: a NUL, an unpaired surrogate. */
export const noFileCanHold = (value: string): boolean =>
  value.includes('\0') || /[\uD800-\uDFFF]/u.test(value);
