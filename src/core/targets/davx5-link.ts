import QRCode from 'qrcode';
import type { PhoneSetup, QrCode } from '@shared/targets';
import type { Account } from '../accounts/account-schema';
import { exactValue } from './written-text';

/**
 * A link DAVx⁵ (and other Android CalDAV/CardDAV apps) open with the login screen filled in: the account's
 * calendar address (or, without one, its contacts address) as `caldavs://user@host/path`. Never a password:
 * the person types it (or an app password) on the phone. Null when the account has neither service.
 */
export function davx5Link(account: Account): string | null {
  const { caldav, carddav } = account.services;
  const service = caldav
    ? { scheme: 'caldavs', ...caldav }
    : carddav
      ? { scheme: 'carddavs', ...carddav }
      : null;
  if (!service) return null;
  const username = account.credentials.find((credential) => credential.id === service.credential)?.username;
  const url = new URL(service.url);
  // exactValue: a user name with a line break or a broken character is refused, never encoded into the link.
  const user = username ? `${encodeURIComponent(exactValue(username, 'username'))}@` : '';
  return `${service.scheme}://${user}${url.host}${url.pathname}${url.search}`;
}

/** The link as a QR code's modules (row by row, 1 = dark), drawn by the UI itself: no image, no data URL. */
export function qrModules(text: string): QrCode {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, modules: Array.from(modules.data, (dark) => (dark ? 1 : 0)) };
}

/** What the app shows for an Android phone, or null when the account has no calendars or contacts. */
export function phoneSetup(account: Account): PhoneSetup | null {
  const link = davx5Link(account);
  return link ? { link, qr: qrModules(link) } : null;
}
