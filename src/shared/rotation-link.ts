// The in-app address of a password's change form (`#rotate=<account id>:<credential id>`): a reminder's
// notification opens the window there, and the renderer opens that form. Only ids travel, never a secret.

export interface RotationTarget {
  accountId: string;
  credentialId: string;
}

const PATTERN =
  /^#rotate=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([a-z][a-z0-9-]{0,63})$/;

export function rotationHash({ accountId, credentialId }: RotationTarget): string {
  return `#rotate=${accountId}:${credentialId}`;
}

/** The form a hash asks for, or null for any other (or malformed) hash. */
export function parseRotationHash(hash: string): RotationTarget | null {
  const match = PATTERN.exec(hash);
  return match?.[1] && match[2] ? { accountId: match[1], credentialId: match[2] } : null;
}
