import type { AccountSelection } from '@shared/models';
import type { ServiceResult } from '@shared/verify';

/** What a finished check found, as the choose step lists it: everything found starts selected. */
export function defaultSelection(results: readonly ServiceResult[]): AccountSelection {
  const calendars: string[] = [];
  const addressBooks: string[] = [];
  let drive = false;
  let mail = false;
  for (const result of results) {
    if (result.status !== 'ok') continue;
    if (result.service === 'caldav') calendars.push(...(result.found?.calendars ?? []).map((c) => c.url));
    if (result.service === 'carddav') {
      addressBooks.push(...(result.found?.addressBooks ?? []).map((b) => b.url));
    }
    if (result.service === 'webdav') drive = true;
    if (result.service === 'imap') mail = true;
  }
  return { calendars, addressBooks, mountDrive: drive, setUpMail: mail };
}

/** Adds or removes one URL, keeping the list's order stable for the saved file. */
export function toggled(list: readonly string[], url: string, on: boolean): string[] {
  return on ? [...new Set([...list, url])] : list.filter((item) => item !== url);
}
