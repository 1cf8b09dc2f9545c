import { PonteError } from '../../errors/ponte-error';

// XML 1.0 (§2.2 Char) has no way to write most control characters — not even as &#1; — nor unpaired
// surrogates, U+FFFE or U+FFFF. The plist and autoconfig builders would either throw a bare error or, worse,
// emit a file every parser refuses; every string of a document is checked here first instead.

/** §2.2: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** `value` with every character XML cannot hold replaced by `by`. */
export function replaceNonXml(value: string, by: string): string {
  return [...value].map((char) => (isXmlChar(char.codePointAt(0) ?? 0) ? char : by)).join('');
}

/**
 * Every parser turns a CR or CRLF written in an XML file into LF (§2.11 end-of-line handling): a character
 * reference is the only way a CR of a name reaches the reader as itself. For documents whose builder writes
 * text as it is (fast-xml-parser does; the plist builder already writes `&#xD;`) and no CR of its own.
 */
export function referenceCarriageReturns(xml: string): string {
  return xml.replace(/\r/g, '&#13;');
}

const hasNonXml = (value: string): boolean => [...value].some((char) => !isXmlChar(char.codePointAt(0) ?? 0));

/** Throws UNWRITABLE_VALUE if any string anywhere in `tree` (keys included) cannot be written in XML 1.0. */
export function assertXmlText(tree: unknown, fileKind: string): void {
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (hasNonXml(value)) {
        throw new PonteError(
          'UNWRITABLE_VALUE',
          `A value cannot be written into the ${fileKind}: it holds control characters or broken characters.`,
          'Nothing was written.',
        );
      }
      return;
    }
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
      for (const [key, inner] of Object.entries(value)) {
        visit(key);
        visit(inner);
      }
    }
  };
  visit(tree);
}
