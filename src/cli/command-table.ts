import type { TFunction } from 'i18next';
import type { Core } from '@core/core';
import type { Language } from '@shared/i18n/languages';
import type { CliIo } from './output';
import type { CliArgs } from './parse-args';

// Every `ponte` command with the module that runs it, loaded only when that command runs: `ponte expiry` from a
// scheduler must not pay for the IMAP, SMTP, DAV and PEC libraries it never uses (issue 20's figures are in
// docs/testing.md's performance section).

export interface CommandContext {
  io: CliIo;
  t: TFunction;
  json: boolean;
  language: Language;
  appRoot: string;
  version: string;
}

/** Every command's one signature: what it was given on the command line, and the exit code it ends with. */
export type CommandRun = (core: Core, args: CliArgs, context: CommandContext) => Promise<number>;

export interface CommandEntry {
  /** It reads a password: a rotation a crash interrupted is finished or taken back first. */
  readsPasswords: boolean;
  load: () => Promise<CommandRun>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  doctor: {
    readsPasswords: false,
    load: async () => (await import('./commands/doctor-command')).doctorCommand,
  },
  verify: {
    readsPasswords: true,
    load: async () => (await import('./commands/verify-command')).verifyCommand,
  },
  rotate: {
    readsPasswords: true,
    load: async () => (await import('./commands/rotate-command')).rotateCommand,
  },
  check: {
    readsPasswords: true,
    load: async () => (await import('./commands/check-command')).checkCommand,
  },
  expiry: {
    readsPasswords: true,
    load: async () => (await import('./commands/expiry-command')).expiryCommand,
  },
  reconnect: {
    readsPasswords: true,
    load: async () => (await import('./commands/configure-command')).reconnectCommand,
  },
  pec: {
    readsPasswords: true,
    load: async () => (await import('./commands/pec-command')).pecCommand,
  },
  apply: {
    readsPasswords: true,
    load: async () => (await import('./commands/profile-command')).applyCommand,
  },
  profile: {
    readsPasswords: true,
    load: async () => (await import('./commands/profile-command')).profileCommand,
  },
  account: {
    readsPasswords: true,
    load: async () => (await import('./commands/account-command')).accountCommand,
  },
  configure: {
    readsPasswords: true,
    load: async () => (await import('./commands/configure-command')).configureCommand,
  },
  unconfigure: {
    readsPasswords: true,
    load: async () => (await import('./commands/configure-command')).unconfigureCommand,
  },
  discover: {
    readsPasswords: false,
    load: async () => (await import('./commands/discovery-commands')).discoverCommand,
  },
  providers: {
    readsPasswords: false,
    load: async () => (await import('./commands/discovery-commands')).providersCommand,
  },
};
