import { createHash } from 'node:crypto';

/**
 * The same UUID for the same parts every time (shaped as a version-4 UUID), so that setting an account up again
 * replaces what was set up before (a device profile, a Thunderbird calendar) instead of adding a second one.
 */
export function stableUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}
