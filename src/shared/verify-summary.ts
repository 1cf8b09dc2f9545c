import type { LeftOutCollection, LeftOutReason, ServiceResult } from './verify';

/** One translatable phrase: an i18n key under `verify.` and its values. */
export interface Phrase {
  key: string;
  params?: Record<string, string | number>;
}

/** Bytes as a person reads them (1.2 GB), in their language's number format. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

const LEFT_OUT_REASONS: readonly LeftOutReason[] = ['insecure', 'otherServer', 'invalid'];

/**
 * How many collections were left out, per reason ("1 calendar left out: it is on another server"): the
 * person learns why a calendar they know of will not appear in Thunderbird or Evolution.
 */
function leftOutPhrases(
  kind: 'calendars' | 'addressBooks',
  leftOut: readonly LeftOutCollection[] = [],
): Phrase[] {
  return LEFT_OUT_REASONS.flatMap((reason) => {
    const count = leftOut.filter((collection) => collection.reason === reason).length;
    return count > 0 ? [{ key: `found.leftOut.${kind}.${reason}`, params: { count } }] : [];
  });
}

/** What a successful check found, as short phrases ("2 calendars", "1.2 GB of 2 GB used"). */
export function foundPhrases(result: ServiceResult, language: string): Phrase[] {
  if (result.status !== 'ok' || !result.found) return [];
  switch (result.service) {
    case 'imap': {
      const phrases: Phrase[] = [{ key: 'found.imap', params: { folders: result.found.folders.length } }];
      const quota = result.found.quota;
      if (quota?.limitBytes !== undefined) {
        phrases.push({
          key: 'found.quota',
          params: {
            used: formatBytes(quota.usedBytes, language),
            limit: formatBytes(quota.limitBytes, language),
          },
        });
      } else if (quota) {
        phrases.push({ key: 'found.quotaUsed', params: { used: formatBytes(quota.usedBytes, language) } });
      }
      return phrases;
    }
    case 'smtp':
      return [{ key: 'found.smtp' }];
    case 'caldav':
      return [
        { key: 'found.calendars', params: { count: result.found.calendars.length } },
        ...leftOutPhrases('calendars', result.found.leftOut),
      ];
    case 'carddav':
      return [
        { key: 'found.addressBooks', params: { count: result.found.addressBooks.length } },
        ...leftOutPhrases('addressBooks', result.found.leftOut),
      ];
    case 'webdav': {
      const phrases: Phrase[] = [{ key: 'found.entries', params: { count: result.found.entryCount } }];
      const quota = result.found.quota;
      if (quota?.usedBytes !== undefined && quota.availableBytes !== undefined) {
        phrases.push({
          key: 'found.quota',
          params: {
            used: formatBytes(quota.usedBytes, language),
            limit: formatBytes(quota.usedBytes + quota.availableBytes, language),
          },
        });
      }
      if (result.found.writable !== undefined) {
        phrases.push({ key: result.found.writable ? 'found.writable' : 'found.readOnly' });
      }
      return phrases;
    }
  }
}

const PASSWORD_CODES = new Set(['AUTH_FAILED', 'APP_PASSWORD_REQUIRED']);

export interface FailurePhrases {
  title: Phrase;
  fix: Phrase;
  /** The server's own words, unless the fix already quotes them. */
  detail?: Phrase;
  /** The fix points at the provider's app-password page: the UI puts a button to it beside the text. */
  offersAppPasswordPage: boolean;
}

/**
 * What went wrong and what to do now, for a failed or skipped result: one reading shared by the CLI's lines
 * and the app's rows. With the provider known to use app passwords, a refused password is explained as such.
 */
export function failurePhrases(result: ServiceResult, appPasswordProvider?: string): FailurePhrases {
  const code = result.code ?? 'PROTOCOL_ERROR';
  const offersAppPasswordPage = appPasswordProvider !== undefined && PASSWORD_CODES.has(code);
  // REDIRECT_REFUSED's fix names where the server pointed: no separate detail line.
  const quotesDetail = code === 'REDIRECT_REFUSED';
  return {
    title: { key: `codes.${code}.title` },
    fix: offersAppPasswordPage
      ? { key: 'codes.AUTH_FAILED.fixAppPassword', params: { provider: appPasswordProvider } }
      : { key: `codes.${code}.fix`, params: { detail: result.detail ?? '' } },
    ...(result.detail && !quotesDetail
      ? { detail: { key: 'serverSaid', params: { detail: result.detail } } }
      : {}),
    offersAppPasswordPage,
  };
}
