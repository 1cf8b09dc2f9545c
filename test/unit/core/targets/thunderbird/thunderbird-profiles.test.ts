import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileInUse } from '@core/targets/thunderbird/profile-in-use';
import { findThunderbirdProfiles, readProfilesIni } from '@core/targets/thunderbird/thunderbird-profiles';
import { useTempDir } from '../../../../support/use-temp-dir';

const home = useTempDir('ponte-tb-home-');

const root = (): string => join(home(), '.thunderbird');

describe('Thunderbird profiles', () => {
  it('takes the profile the installation is bound to ([Install…] Default=) over the one marked Default=1', async () => {
    await mkdir(root());
    await writeFile(
      join(root(), 'profiles.ini'),
      [
        '[Profile1]',
        'Name=old',
        'IsRelative=1',
        'Path=old.default',
        'Default=1',
        '',
        '[Profile0]',
        'Name=default-release',
        'IsRelative=1',
        'Path=x1y2.default-release',
        '',
        '[Install4F96D1932A9F858E]',
        'Default=x1y2.default-release',
        'Locked=1',
        '',
        '[General]',
        'StartWithLastProfile=1',
        'Version=2',
        '',
      ].join('\n'),
    );
    const profiles = await findThunderbirdProfiles({ os: 'linux', home: home(), env: {} });
    expect(profiles[0]).toEqual({
      name: 'default-release',
      dir: join(root(), 'x1y2.default-release'),
      isDefault: true,
    });
    expect(profiles[1]).toMatchObject({ name: 'old', isDefault: false });
  });

  it('without an [Install] section: Default=1, an absolute path kept as is; no profiles.ini: none', async () => {
    await mkdir(root());
    await writeFile(
      join(root(), 'profiles.ini'),
      '[Profile0]\nName=work\nIsRelative=0\nPath=/srv/profiles/work\nDefault=1\n',
    );
    expect(await readProfilesIni(root())).toEqual([
      { name: 'work', dir: '/srv/profiles/work', isDefault: true },
    ]);
    expect(await readProfilesIni(join(home(), 'nowhere'))).toEqual([]);
  });

  it('finds the Flatpak Thunderbird’s profiles too', async () => {
    const flatpak = join(home(), '.var/app/org.mozilla.Thunderbird/.thunderbird');
    await mkdir(flatpak, { recursive: true });
    await writeFile(
      join(flatpak, 'profiles.ini'),
      '[Profile0]\nName=default\nIsRelative=1\nPath=p.default\n',
    );
    const [profile] = await findThunderbirdProfiles({ os: 'linux', home: home(), env: {} });
    expect(profile).toEqual({ name: 'default', dir: join(flatpak, 'p.default'), isDefault: true });
  });
});

describe('Thunderbird running with a profile (Linux lock)', () => {
  it('a live Thunderbird process holding the lock is seen; a stale lock or another program’s pid is not', async () => {
    const profile = join(home(), 'p.default');
    await mkdir(profile);
    expect(await profileInUse(profile, 'linux')).toBe(false);

    // A real process whose name is "thunderbird" (a copy of sleep), holding the lock as Thunderbird does.
    const fake = join(home(), 'thunderbird');
    await copyFile('/bin/sleep', fake);
    await chmod(fake, 0o755);
    const running = spawn(fake, ['30']);
    try {
      await symlink(`127.0.1.1:+${running.pid}`, join(profile, 'lock'));
      expect(await profileInUse(profile, 'linux')).toBe(true);
    } finally {
      running.kill();
      await new Promise((resolve) => running.once('exit', resolve));
    }
    // Thunderbird crashed: the lock stays but names a dead process.
    expect(await profileInUse(profile, 'linux')).toBe(false);

    // The dead pid reused by some other program.
    const other = spawn('/bin/sleep', ['30']);
    try {
      await rm(join(profile, 'lock'));
      await symlink(`127.0.1.1:+${other.pid}`, join(profile, 'lock'));
      expect(await profileInUse(profile, 'linux')).toBe(false);
    } finally {
      other.kill();
    }
  });
});
