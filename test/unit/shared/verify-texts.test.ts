import { describe, expect, it } from 'vitest';
import en from '../../../src/shared/i18n/locales/en.json';
import type { DiscoveryResult, MailCandidate, UrlCandidate } from '@shared/discovery';
import { bestSettings, credentialLifetime } from '@shared/discovery-settings';
import type { LeftOutCollection, ServiceResult } from '@shared/verify';
import { failurePhrases, foundPhrases, type Phrase } from '@shared/verify-summary';
import { LANGUAGES } from '@shared/i18n/languages';
import { createTranslator } from '@shared/i18n/translator';

/** The English text a phrase stands for: proves the key exists (the locale test covers the rest). */
function english(phrase: Phrase): string {
  const text = phrase.key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en.verify);
  if (typeof text !== 'string') throw new Error(`no English text for verify.${phrase.key}`);
  return text;
}

const failed = (code: ServiceResult['code'], detail?: string): ServiceResult => ({
  service: 'imap',
  status: 'failed',
  code,
  durationMs: 5,
  ...(detail ? { detail } : {}),
});

describe('failurePhrases', () => {
  it('title, fix and the server’s words, all real keys', () => {
    const phrases = failurePhrases(failed('TIMEOUT', 'connect ETIMEDOUT'));
    expect([phrases.title, phrases.fix, phrases.detail].map((p) => p && english(p))).toEqual([
      en.verify.codes.TIMEOUT.title,
      en.verify.codes.TIMEOUT.fix,
      en.verify.serverSaid,
    ]);
    expect(phrases.offersAppPasswordPage).toBe(false);
  });

  it('with a provider that uses app passwords, a refused password points to its page', () => {
    for (const code of ['AUTH_FAILED', 'APP_PASSWORD_REQUIRED'] as const) {
      const phrases = failurePhrases(failed(code), 'Aruba PEC');
      expect(english(phrases.fix)).toBe(en.verify.codes.AUTH_FAILED.fixAppPassword);
      expect(phrases.fix.params).toEqual({ provider: 'Aruba PEC' });
      expect(phrases.offersAppPasswordPage).toBe(true);
    }
    expect(failurePhrases(failed('TIMEOUT'), 'Aruba PEC').offersAppPasswordPage).toBe(false);
  });

  it('a refused redirect names the host in its fix, not again as a detail line', () => {
    const phrases = failurePhrases(failed('REDIRECT_REFUSED', 'evil.example'));
    expect(phrases.fix.params).toEqual({ detail: 'evil.example' });
    expect(phrases.detail).toBeUndefined();
  });
});

const mail = (host: string, username?: string): MailCandidate => ({
  source: 'catalog',
  confidence: 'high',
  needsConfirmation: false,
  needsInput: [],
  confirmed: true,
  endpoint: { host, port: 993, security: 'tls' },
  ...(username ? { username } : {}),
});
const url = (address: string, needsInput: string[] = [], username?: string): UrlCandidate => ({
  source: 'catalog',
  confidence: 'high',
  needsConfirmation: false,
  needsInput,
  confirmed: true,
  url: address,
  ...(username ? { username } : {}),
});

describe('bestSettings', () => {
  it('takes the best candidate per service; a URL waiting for a placeholder is pending, not ready', () => {
    const result: DiscoveryResult = {
      email: 'anna@studio.ch',
      domain: 'studio.ch',
      candidates: {
        imap: [mail('mail.infomaniak.com', 'anna@studio.ch'), mail('second.example')],
        smtp: [],
        caldav: [url('https://sync.infomaniak.com/', [], '{infomaniakLogin}')],
        carddav: [],
        webdav: [url('https://{kdriveId}.connect.kdrive.infomaniak.com/', ['kdriveId'])],
      },
      notes: [],
      durationMs: 1,
    };
    expect(bestSettings(result)).toEqual({
      username: 'anna@studio.ch',
      imap: { host: 'mail.infomaniak.com', port: 993, security: 'tls' },
      urls: { caldav: 'https://sync.infomaniak.com/' },
      pending: { webdav: 'https://{kdriveId}.connect.kdrive.infomaniak.com/' },
    });
  });

  it('falls back to the address when every user name still has a placeholder', () => {
    const result: DiscoveryResult = {
      email: 'anna@studio.ch',
      domain: 'studio.ch',
      candidates: {
        imap: [],
        smtp: [],
        caldav: [url('https://dav.example/', [], '{login}')],
        carddav: [],
        webdav: [],
      },
      notes: [],
      durationMs: 1,
    };
    expect(bestSettings(result).username).toBe('anna@studio.ch');
  });
});

describe('credentialLifetime', () => {
  it('gives the catalog’s lifetime to app passwords only (UI and CLI both save through it)', () => {
    expect(credentialLifetime('app-password', 90)).toBe(90);
    expect(credentialLifetime('mailbox-password', 90)).toBeNull();
    expect(credentialLifetime('account-password', 90)).toBeNull();
    expect(credentialLifetime('app-password', null)).toBeNull();
  });
});

describe('foundPhrases: collections left out', () => {
  const caldav = (leftOut?: LeftOutCollection[]): ServiceResult => ({
    service: 'caldav',
    status: 'ok',
    code: null,
    durationMs: 5,
    found: {
      principalUrl: 'https://h/p/',
      homeUrl: 'https://h/c/',
      calendars: [],
      ...(leftOut ? { leftOut } : {}),
    },
  });

  it('says nothing more when nothing was left out', () => {
    expect(foundPhrases(caldav(), 'en')).toEqual([{ key: 'found.calendars', params: { count: 0 } }]);
    expect(foundPhrases(caldav([]), 'en')).toHaveLength(1);
  });

  it('counts what was left out, per reason, in every language', async () => {
    const phrases = foundPhrases(
      caldav([
        { url: 'https://evil.example/a/', reason: 'otherServer' },
        { url: 'http://h/b/', reason: 'insecure' },
        { url: 'https://h:8443/c/', reason: 'otherServer' },
      ]),
      'en',
    ).slice(1);
    expect(phrases).toEqual([
      { key: 'found.leftOut.calendars.insecure', params: { count: 1 } },
      { key: 'found.leftOut.calendars.otherServer', params: { count: 2 } },
    ]);
    const english = await createTranslator('en');
    expect(phrases.map((phrase) => english(`verify.${phrase.key}`, phrase.params))).toEqual([
      '1 calendar left out: its address is not https',
      '2 calendars left out: they are on another server',
    ]);
    // The type check holds every locale to English's keys; here each one reads as a sentence with the count.
    for (const language of LANGUAGES) {
      const t = await createTranslator(language);
      for (const phrase of phrases) {
        const text = t(`verify.${phrase.key}`, phrase.params);
        expect(text, language).toContain(String(phrase.params?.count));
        expect(text, language).not.toContain('leftOut');
      }
      for (const reason of ['insecure', 'otherServer', 'invalid'])
        expect(t(`verify.found.leftOutReason.${reason}`), language).not.toContain('leftOutReason');
    }
  });
});
