// The channel names the preload lets through. Kept apart from contract.ts so the sandboxed preload
// bundles no schema library; contract.ts proves at compile time that both lists agree.
export const CHANNELS = [
  'app:info',
  'settings:get',
  'settings:update',
  'accounts:list',
  'links:open',
  'doctor:run',
  'verify:start',
  'verify:status',
  'verify:cancel',
  'providers:list',
  'discovery:run',
  'accounts:add',
  'accounts:remove',
  'providers:guide',
  'accounts:check',
  'accounts:change-password',
  'accounts:extend',
  'targets:detect',
  'targets:configure',
  'targets:unconfigure',
  'targets:phone',
  'nextcloud:start',
  'nextcloud:status',
  'nextcloud:cancel',
  'pec:test-start',
  'pec:test-status',
  'pec:test-cancel',
  'pec:archive-start',
  'pec:archive-status',
  'pec:archive-cancel',
  'profiles:preview',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
