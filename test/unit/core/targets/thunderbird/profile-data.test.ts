import { describe, expect, it } from 'vitest';
import { profileDataPaths } from '@core/targets/thunderbird/profile-data';

// What the undo removes of Thunderbird's own data: only for Ponte's branches, only inside the profile.

const profile = '/home/anna/.thunderbird/p1.default-release';
const branches = ['mail.server.server_ponte_k.', 'ldap_2.servers.ponte_k_1a2b3c4d.'];

describe('Thunderbird data made for Ponte’s entries', () => {
  it('the IMAP account’s local folder and each book’s database (with SQLite’s companions)', () => {
    const prefs = new Map<string, string | number | boolean>([
      ['mail.server.server_ponte_k.directory-rel', '[ProfD]ImapMail/mail.studio-rossi.ch'],
      ['mail.server.server_ponte_k.directory', `${profile}/ImapMail/mail.studio-rossi.ch`],
      ['ldap_2.servers.ponte_k_1a2b3c4d.filename', 'ponte_k_1a2b3c4d.sqlite'],
      ['mail.server.server1.directory-rel', '[ProfD]ImapMail/imap.own.example'],
      ['ldap_2.servers.pab.filename', 'abook.sqlite'],
    ]);
    expect(profileDataPaths(prefs, branches, profile)).toEqual([
      `${profile}/ImapMail/mail.studio-rossi.ch`,
      `${profile}/ponte_k_1a2b3c4d.sqlite`,
      `${profile}/ponte_k_1a2b3c4d.sqlite-wal`,
      `${profile}/ponte_k_1a2b3c4d.sqlite-shm`,
    ]);
  });

  it.each<[string, string]>([
    ['mail.server.server_ponte_k.directory-rel', '[ProfD]../../.ssh'],
    ['mail.server.server_ponte_k.directory-rel', '[ProfD]'],
    ['mail.server.server_ponte_k.directory', '/etc'],
    ['mail.server.server_ponte_k.directory', profile],
    ['ldap_2.servers.ponte_k_1a2b3c4d.filename', '../../important.sqlite'],
  ])('never %s = %s (outside the profile, or the profile itself)', (key, value) => {
    expect(profileDataPaths(new Map([[key, value]]), branches, profile)).toEqual([]);
  });
});
