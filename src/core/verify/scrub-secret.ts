/**
 * Removes a password (and its Base64 forms, as sent by AUTH PLAIN/LOGIN or a Basic header) from text that
 * came back from a server or a library, before it is shown or logged. Servers rarely echo credentials,
 * but a result must never be the place where one leaks.
 */
export function scrubSecret(text: string, secret: string): string {
  if (secret.length === 0) return text;
  let scrubbed = text;
  for (const form of secretForms(secret)) scrubbed = scrubbed.split(form).join('***');
  return scrubbed;
}

function secretForms(secret: string): string[] {
  const forms = [secret, Buffer.from(secret, 'utf8').toString('base64')];
  // Very short secrets would blank out unrelated text; they are never valid app passwords anyway.
  return forms.filter((form) => form.length >= 4);
}

/** Server text shown to support staff: one line, bounded, no secret. */
export function serverDetail(text: unknown, secret: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  // Scrub first: cutting or re-spacing could split the secret so that it no longer matches.
  const line = scrubSecret(text, secret).replace(/\s+/g, ' ').trim();
  if (line.length === 0) return undefined;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
