import { session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '@core/links/allowed-links';
import { originOf } from './origin';
import { UI_ORIGIN } from './paths';

/** Every web contents stays on our UI: no navigation away, no new windows, no <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) !== UI_ORIGIN) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== UI_ORIGIN) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A plain link to an allow-listed page opens in the person's browser, never inside Ponte.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Ponte's UI needs no camera, notifications-from-web, geolocation or anything else a page may ask for. */
export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}
