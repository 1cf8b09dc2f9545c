import { MAIN_CREDENTIAL, SERVICE_KINDS } from '@shared/verify';
import type { Core } from '../core';
import { PonteError } from '../errors/ponte-error';
import { slug } from '@shared/slug';
import { type Profile, profileSchema } from './profile-schema';

/**
 * A profile from a saved account, for IT to hand to other machines: the provider (or the servers, with this
 * person's address and login turned back into `{email}` / `{login}`), the services, the password's kind and
 * lifetime, what is set up here, and this machine's reminder settings. Never a secret: none is read.
 * Calendars and address books are left to "all" (the saved choice is by address, which differs per person).
 */
export async function exportProfile(core: Core, accountId: string, organisation?: string): Promise<Profile> {
  const account = await core.accounts.get(accountId);
  const settings = await core.settings.read();
  const main =
    account.credentials.find((credential) => credential.id === MAIN_CREDENTIAL) ?? account.credentials[0];
  if (!main) throw new PonteError('INVALID_INPUT', 'This account has no credential to describe.');
  const [localpart = ''] = account.email.split('@');
  const username =
    main.username === account.email ? '{email}' : main.username === localpart ? '{localpart}' : '{login}';
  const generic = (url: string): string => {
    let text = url.replaceAll(account.email, '{email}');
    if (username === '{login}') text = text.replaceAll(main.username, '{login}');
    return text;
  };
  const servers = Object.fromEntries(
    SERVICE_KINDS.flatMap((service) => {
      const used = account.services[service];
      if (!used) return [];
      if ('endpoint' in used) {
        const { host, port, security } = used.endpoint;
        return [[service, `${host}:${port}${security === 'starttls' ? '/starttls' : ''}`]];
      }
      return [[service, generic(used.url)]];
    }),
  );
  const managed = settings.managedBy;
  const draft = {
    profileVersion: 1,
    organisation: {
      name: organisation ?? managed?.organisation ?? account.provisioned?.organisation ?? account.displayName,
      ...(managed?.support ? { support: managed.support } : {}),
    },
    accounts: [
      {
        key:
          account.provisioned?.key ??
          slug(account.providerId ?? 'mail', 40)
            .toLowerCase()
            .replace(/^[^a-z]+/, 'a'),
        ...(account.providerId ? { provider: account.providerId } : { servers }),
        username,
        services: SERVICE_KINDS.filter((service) => account.services[service] !== undefined),
        credential: { kind: main.kind, lifetimeDays: main.lifetimeDays },
        ...(account.pec ? { pec: true } : {}),
        ...(account.trust.caPem ? { caPem: account.trust.caPem } : {}),
        ...((account.targets ?? []).length > 0
          ? { targets: (account.targets ?? []).map((t) => t.target) }
          : {}),
      },
    ],
    settings: {
      reminderDays: settings.reminderDays,
      startAtLogin: settings.startAtLogin,
      reconnectDrives: settings.reconnectDrives,
    },
    ...(managed && managed.locked.length > 0 ? { locked: managed.locked } : {}),
  };
  // What is exported must be what `ponte profile validate` accepts.
  return profileSchema.parse(draft);
}
