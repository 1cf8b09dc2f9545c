import { PonteError } from '../../errors/ponte-error';

// Mozilla's prefs.js grammar as libpref reads it (modules/libpref/parser): a string literal takes the escapes
// \" \' \\ \n \r \xNN \uNNNN and nothing else (no \t, \b, \f — JSON's escapes are not this grammar), a
// \u high surrogate must be followed by its \u low surrogate, \x00 and \u0000 are refused, and a raw NUL ends
// the file. Every other byte, control characters included, is taken as it is. Integers are 32-bit.

export type LibprefValue = string | number | boolean;

const unrepresentable = (why: string): PonteError =>
  new PonteError(
    'UNWRITABLE_VALUE',
    `A value cannot be written into prefs.js: ${why}.`,
    'Nothing was changed.',
  );

/** A string literal libpref reads back as exactly `value`; refuses NUL and unpaired surrogates. */
export function formatPrefString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0) throw unrepresentable('it holds a NUL character');
    if (code >= 0xd800 && code <= 0xdfff) throw unrepresentable('it holds a broken (unpaired) character');
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    // Other controls are legal raw, but escaped they keep the file one line per preference and readable.
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

export function formatPrefValue(value: LibprefValue): string {
  if (typeof value === 'string') return formatPrefString(value);
  if (typeof value === 'boolean') return String(value);
  if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) {
    throw unrepresentable(`${value} is not a 32-bit integer`);
  }
  return String(value);
}

/** Reads libpref tokens from one line of text; undefined at anything libpref itself would reject. */
class LineReader {
  private at = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.at < this.text.length && ' \t\v\f'.includes(this.text[this.at] ?? '')) this.at += 1;
  }

  literal(word: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(word, this.at)) return false;
    this.at += word.length;
    return true;
  }

  atEnd(): boolean {
    this.skipSpace();
    const rest = this.text.slice(this.at);
    // A trailing comment is allowed after the `;`.
    return rest === '' || rest.startsWith('//') || rest.startsWith('#');
  }

  string(): string | undefined {
    this.skipSpace();
    const quote = this.text[this.at];
    if (quote !== '"' && quote !== "'") return undefined;
    this.at += 1;
    let value = '';
    const units: number[] = [];
    const flushUnits = (): boolean => {
      if (units.length === 0) return true;
      const decoded = String.fromCharCode(...units);
      units.length = 0;
      if (/[\uD800-\uDFFF]/u.test(decoded)) return false;
      value += decoded;
      return true;
    };
    while (this.at < this.text.length) {
      const char = this.text[this.at] ?? '';
      this.at += 1;
      if (char === quote) return flushUnits() ? value : undefined;
      if (char !== '\\') {
        if (!flushUnits()) return undefined;
        value += char;
        continue;
      }
      const escape = this.text[this.at] ?? '';
      this.at += 1;
      if (escape === 'u' || escape === 'x') {
        const digits = this.text.slice(this.at, this.at + (escape === 'u' ? 4 : 2));
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== (escape === 'u' ? 4 : 2)) return undefined;
        this.at += digits.length;
        const code = parseInt(digits, 16);
        if (code === 0) return undefined;
        if (escape === 'u') {
          units.push(code);
          continue;
        }
        // \xNN is a raw byte: only ASCII is the same character in UTF-8; Ponte never writes the others.
        if (code > 0x7f) return undefined;
        if (!flushUnits()) return undefined;
        value += String.fromCharCode(code);
        continue;
      }
      if (!flushUnits()) return undefined;
      const plain: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', n: '\n', r: '\r' };
      const decoded = plain[escape];
      if (decoded === undefined) return undefined;
      value += decoded;
    }
    return undefined;
  }

  value(): LibprefValue | undefined {
    this.skipSpace();
    const rest = this.text.slice(this.at);
    if (rest.startsWith('"') || rest.startsWith("'")) return this.string();
    const word = /^(true|false)(?![A-Za-z0-9_])/.exec(rest);
    if (word?.[1]) {
      this.at += word[1].length;
      return word[1] === 'true';
    }
    const number = /^([+-]?)\s*([0-9]+)(?![A-Za-z_])/.exec(rest);
    if (!number?.[2]) return undefined;
    this.at += number[0].length;
    const parsed = Number(`${number[1] ?? ''}${number[2]}`);
    return parsed >= -2147483648 && parsed <= 2147483647 ? parsed : undefined;
  }
}

/** One `user_pref(name, value);` line as libpref reads it; undefined for comments and anything else. */
export function parseUserPrefLine(line: string): { key: string; value: LibprefValue } | undefined {
  const reader = new LineReader(line);
  if (!reader.literal('user_pref') || !reader.literal('(')) return undefined;
  const key = reader.string();
  if (key === undefined || !reader.literal(',')) return undefined;
  const value = reader.value();
  if (value === undefined || !reader.literal(')') || !reader.literal(';') || !reader.atEnd())
    return undefined;
  return { key, value };
}

export function formatUserPrefLine(key: string, value: LibprefValue): string {
  return `user_pref(${formatPrefString(key)}, ${formatPrefValue(value)});`;
}
