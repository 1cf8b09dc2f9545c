/** Letters and digits only, for file names every system and WebDAV server accepts. */
export function slug(text: string, max = 50): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return plain === '' ? 'x' : plain;
}
