import { protocol } from 'electron';
import { UI_SECURITY_HEADERS } from '@core/static/content-security-policy';
import { readStaticFile } from '@core/static/static-files';
import { originOf } from './origin';
import { APP_ORIGIN, RENDERER_DIR } from './paths';

/** Must run before `ready`: makes app:// a standard, secure origin instead of loading the UI from file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function registerAppProtocol(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file =
      originOf(request.url) === APP_ORIGIN ? await readStaticFile(RENDERER_DIR, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, ...UI_SECURITY_HEADERS },
    });
  });
}
