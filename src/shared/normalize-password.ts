/**
 * What people paste is not always what they meant: a trailing line break from copying a whole line, and
 * app passwords that providers display in groups ("abcd efgh ijkl mnop", Google; "xxxx-xxxx-xxxx-xxxx" is
 * left alone, as some providers put real dashes in). Anything else is kept byte for byte: spaces inside a
 * chosen password are the person's.
 */
export function normalizePastedPassword(value: string): string {
  const line = value.replace(/[\r\n]+$/, '');
  // Four groups of four letters, as Google shows its 16-letter app passwords.
  if (/^\s*[a-z]{4}( [a-z]{4}){3}\s*$/i.test(line)) return line.replace(/\s+/g, '');
  return line;
}
