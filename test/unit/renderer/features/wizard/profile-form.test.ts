import { describe, expect, it } from 'vitest';
import { formFromTemplate, needsLogin } from '../../../../../src/renderer/src/features/wizard/profile-form';

describe('the sign-in form from a profile template', () => {
  const template = {
    key: 'office',
    username: '{login}',
    servers: {
      imap: 'mail.studio.example:993',
      smtp: 'mail.studio.example:587/starttls',
      webdav: 'https://files.studio.example/remote.php/dav/files/{login}/',
    },
    services: ['imap' as const, 'webdav' as const],
  };

  it('fills the servers the template keeps, with the person’s login, and leaves the others off', () => {
    const form = formFromTemplate(template, 'anna@studio.example', 'arossi');
    expect(form.username).toBe('arossi');
    expect(form.imap).toEqual({ enabled: true, host: 'mail.studio.example', port: '993', security: 'tls' });
    expect(form.smtp.enabled).toBe(false);
    expect(form.webdav).toEqual({
      enabled: true,
      url: 'https://files.studio.example/remote.php/dav/files/arossi/',
      writeTest: false,
    });
    expect(form.caldav.enabled).toBe(false);
    expect(form.password).toBe('');
    expect(form.pec).toBeUndefined();
  });

  it('carries a PEC template on to the save step', () => {
    expect(formFromTemplate({ ...template, pec: true }, 'anna@studio.example', 'arossi').pec).toBe(true);
  });

  it('asks for a login only when the template uses one', () => {
    expect(needsLogin(template)).toBe(true);
    expect(needsLogin({ key: 'p', username: '{email}', provider: 'aruba-pec' })).toBe(false);
  });
});
