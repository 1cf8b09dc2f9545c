// A name that becomes a file or folder name (a mount point, a profile file): one path segment that means
// what it says on every file system Ponte writes to — no separators, no `.` or `..`, no characters Windows
// or macOS refuse, no control characters, not empty, not longer than file systems take.

const MAX_FILE_NAME = 100;

export interface SafeFileName {
  value: string;
  cleaned: boolean;
}

export function safeFileName(name: string, fallback: string): SafeFileName {
  const replaced = name
    .replace(/[\p{Cc}\u2028\u2029\uD800-\uDFFF/\\:*?"<>|]/gu, '-')
    .replace(/-{2,}/g, '-')
    // Windows drops trailing dots and blanks; a leading dot hides the file on Linux and macOS.
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const cut = [...replaced]
    .slice(0, MAX_FILE_NAME)
    .join('')
    .replace(/[\s.]+$/g, '');
  const value = cut === '' ? fallback : cut;
  return { value, cleaned: value !== name };
}
