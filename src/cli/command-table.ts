import type { TFunction } from 'i18next';
import type { Core } from '@core/core';
import type { Language } from '@shared/i18n/languages';
import type { CliIo } from './output';
import { type CliArgs, optionText } from './parse-args';

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

export type CommandRun = (core: Core, args: CliArgs, context: CommandContext) => Promise<number>;

export interface CommandEntry {
  /** It reads a password: a rotation a crash interrupted is finished or taken back first. */
  readsPasswords: boolean;
  load: () => Promise<CommandRun>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  doctor: {
    readsPasswords: false,
    load: async () => {
      const { doctorCommand } = await import('./commands/doctor-command');
      return (core, args, context) => doctorCommand(core, optionText(args.options, 'report'), context);
    },
  },
  verify: {
    readsPasswords: true,
    load: async () => {
      const { verifyCommand } = await import('./commands/verify-command');
      return (core, args, context) => verifyCommand(core, args.options, context);
    },
  },
  rotate: {
    readsPasswords: true,
    load: async () => {
      const { rotateCommand } = await import('./commands/rotate-command');
      return (core, args, context) => rotateCommand(core, args.rest, args.options, context);
    },
  },
  check: {
    readsPasswords: true,
    load: async () => {
      const { checkCommand } = await import('./commands/check-command');
      return (core, _args, context) => checkCommand(core, context);
    },
  },
  expiry: {
    readsPasswords: true,
    load: async () => {
      const { expiryCommand } = await import('./commands/expiry-command');
      return (core, _args, context) => expiryCommand(core, context);
    },
  },
  reconnect: {
    readsPasswords: true,
    load: async () => {
      const { reconnectCommand } = await import('./commands/configure-command');
      return (core, _args, context) => reconnectCommand(core, context);
    },
  },
  pec: {
    readsPasswords: true,
    load: async () => {
      const { pecCommand } = await import('./commands/pec-command');
      return (core, args, context) => pecCommand(core, args.rest, args.options, context);
    },
  },
  apply: {
    readsPasswords: true,
    load: async () => {
      const { applyCommand } = await import('./commands/profile-command');
      return (core, args, context) => applyCommand(core, args.rest, args.options, context);
    },
  },
  profile: {
    readsPasswords: true,
    load: async () => {
      const { profileCommand } = await import('./commands/profile-command');
      return (core, args, context) => profileCommand(core, args.rest, args.options, context);
    },
  },
  account: {
    readsPasswords: true,
    load: async () => {
      const { accountCommand } = await import('./commands/account-command');
      return (core, args, context) => accountCommand(core, args.rest, args.options, context);
    },
  },
  configure: {
    readsPasswords: true,
    load: async () => {
      const { configureCommand } = await import('./commands/configure-command');
      return (core, args, context) => configureCommand(core, false, args.rest, args.options, context);
    },
  },
  unconfigure: {
    readsPasswords: true,
    load: async () => {
      const { configureCommand } = await import('./commands/configure-command');
      return (core, args, context) => configureCommand(core, true, args.rest, args.options, context);
    },
  },
  discover: {
    readsPasswords: false,
    load: async () => {
      const { discoverCommand } = await import('./commands/discovery-commands');
      return (core, args, context) =>
        discoverCommand(core, args.rest, optionText(args.options, 'provider'), context);
    },
  },
  providers: {
    readsPasswords: false,
    load: async () => {
      const { providersCommand } = await import('./commands/discovery-commands');
      return (core, _args, context) => providersCommand(core, context);
    },
  },
};
