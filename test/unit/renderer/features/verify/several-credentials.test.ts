import { describe, expect, it } from 'vitest';
import type { CandidateBase, DiscoveryResult, ProviderCredential } from '@shared/discovery';
import { applyDiscovery } from '../../../../../src/renderer/src/features/verify/apply-discovery';
import { emptyForm, toRequest } from '../../../../../src/renderer/src/features/verify/verify-form';

const label = (text: string): ProviderCredential['label'] => ({ it: text, fr: text, de: text, en: text });

// Shaped like discovery's answer for an Infomaniak address: mail with the mailbox password, calendars and
// contacts with an app password and the short login, the drive with an app password and the e-mail.
const infomaniakLike: DiscoveryResult = {
  email: 'anna@example.test',
  domain: 'example.test',
  provider: {
    id: 'infomaniak',
    name: 'Infomaniak',
    via: 'chosen',
    unsupported: false,
    lifetimeDays: null,
    createUrl: 'https://manager.infomaniak.com/',
    credentials: [
      { id: 'mail', kind: 'mailbox-password', username: 'anna@example.test', label: label('Mailbox') },
      { id: 'sync', kind: 'app-password', username: '{infomaniakLogin}', label: label('Sync') },
      { id: 'drive', kind: 'app-password', username: 'anna@example.test', label: label('Drive') },
    ],
    serversOnly: false,
    notes: [],
    placeholders: [],
  },
  candidates: {
    imap: [mail('imap.example.test', 993, 'mail')],
    smtp: [mail('smtp.example.test', 465, 'mail')],
    caldav: [dav('https://sync.example.test/', 'sync')],
    carddav: [dav('https://sync.example.test/', 'sync')],
    webdav: [],
  },
  notes: [],
  durationMs: 1,
};

function base(credential: string): CandidateBase {
  return {
    source: 'catalog',
    confidence: 'high',
    needsConfirmation: false,
    needsInput: [],
    confirmed: true,
    credential,
  };
}
function mail(host: string, port: number, credential: string) {
  return { ...base(credential), endpoint: { host, port, security: 'tls' as const } };
}
function dav(url: string, credential: string) {
  return { ...base(credential), url };
}

describe('a provider that wants a password per service', () => {
  it('asks for the mailbox password as the main one, and only for the other credentials a service uses', () => {
    const form = applyDiscovery(emptyForm(), infomaniakLike);
    expect(form.username).toBe('anna@example.test');
    expect(form.mainMeta?.kind).toBe('mailbox-password');
    // kDrive was not found, so its password is not asked for.
    expect(form.extraCredentials.map((extra) => extra.id)).toEqual(['sync']);
    // A placeholder user name ({infomaniakLogin}) is left empty for the person, never sent as is.
    expect(form.extraCredentials[0]?.username).toBe('');
    expect(form.use).toEqual({ caldav: 'sync', carddav: 'sync' });
  });

  it('sends each credential with its own user name, passwords beside the request', () => {
    const form = applyDiscovery(emptyForm(), infomaniakLike);
    const missing = toRequest({ ...form, password: 'mailbox secret' });
    expect(!missing.ok && missing.errors).toEqual({
      'credentials.sync.username': 'verify.invalid.username',
      'credentials.sync.password': 'verify.invalid.password',
    });
    const outcome = toRequest({
      ...form,
      password: 'mailbox secret',
      extraCredentials: form.extraCredentials.map((extra) => ({
        ...extra,
        username: ' AB12345 ',
        password: 'abcd efgh ijkl mnop',
      })),
    });
    expect(outcome.ok && outcome.request.credentials).toEqual([{ id: 'sync', username: 'AB12345' }]);
    expect(outcome.ok && outcome.request.use).toEqual({ caldav: 'sync', carddav: 'sync' });
    expect(outcome.ok && outcome.passwords).toEqual({ sync: 'abcdefghijklmnop' });
    expect(JSON.stringify(outcome.ok && outcome.request)).not.toContain('abcd');
  });

  it('drops a credential when the services using it are unticked', () => {
    const form = applyDiscovery(emptyForm(), infomaniakLike);
    const outcome = toRequest({
      ...form,
      password: 'mailbox secret',
      caldav: { ...form.caldav, enabled: false },
      carddav: { ...form.carddav, enabled: false },
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.request.credentials).toBeUndefined();
    expect(outcome.ok && outcome.passwords).toEqual({});
  });

  it('keeps a typed password when discovery runs again, and forgets extras for a one-password provider', () => {
    const form = applyDiscovery(emptyForm(), infomaniakLike);
    const typed = {
      ...form,
      extraCredentials: form.extraCredentials.map((extra) => ({ ...extra, password: 'kept' })),
    };
    expect(applyDiscovery(typed, infomaniakLike).extraCredentials[0]?.password).toBe('kept');
    const plain = applyDiscovery(typed, { ...infomaniakLike, provider: undefined });
    expect(plain.extraCredentials).toEqual([]);
    expect(plain.use).toEqual({});
    expect(plain.mainMeta).toBeUndefined();
  });
});

describe('services a catalogued provider does not have', () => {
  it('are unticked, while an unknown domain leaves the person’s choice alone', () => {
    const noMail: DiscoveryResult = {
      ...infomaniakLike,
      candidates: { ...infomaniakLike.candidates, imap: [], smtp: [] },
    };
    const form = applyDiscovery(emptyForm(), noMail);
    expect([form.imap.enabled, form.smtp.enabled, form.caldav.enabled]).toEqual([false, false, true]);
    const unknown = applyDiscovery(emptyForm(), { ...noMail, provider: undefined });
    expect([unknown.imap.enabled, unknown.smtp.enabled]).toEqual([true, true]);
  });
});
