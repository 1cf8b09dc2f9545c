import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountFromRequest } from '@core/accounts/account-builders';
import { AccountStore } from '@core/accounts/account-store';
import { configureTarget, unconfigureTarget } from '@core/targets/configure-target';
import type { MountOs } from '@shared/targets';
import { createStandIns, type StandInCall, type StandIns } from '../../../../support/os-stand-ins';
import { heldSecrets } from '../../../../support/memory-secrets';
import { useTempDir } from '../../../../support/use-temp-dir';

// The Windows and macOS drive, carried out against stand-ins for those systems' programs (see
// os-stand-ins.ts): the exact calls and their order, what happens when each one fails (the undo, or a clear
// error before anything changed), and that the password travels only on the one call's stdin that stores it.
// What Windows and macOS then do with these calls is proved only on those systems (CI's matrix).

const PASSWORD = 'Sëcret "pw" \\ with $pace';
const URL_8443 = 'https://kdrive.example.com:8443/remote.php/dav/files/anna%40studio.ch/Studio%20Rossi/';
const PROGRAMS = [
  'sc.exe',
  'net.exe',
  'powershell.exe',
  'explorer.exe',
  'security',
  'mount_webdav',
  'mkdir',
  'rmdir',
  'umount',
  'open',
];

const dir = useTempDir('ponte-os-');
let standIns: StandIns;
let store: AccountStore;
let id: string;
const originalPath = process.env.PATH;

beforeEach(async () => {
  standIns = await createStandIns(dir(), PROGRAMS);
  process.env.PATH = `${standIns.bin}:${originalPath ?? ''}`;
  store = new AccountStore(join(dir(), 'data'), heldSecrets());
  const account = accountFromRequest(
    {
      email: 'anna@studio.ch',
      displayName: 'kDrive — Studio Rossi',
      kind: 'app-password',
      request: { username: 'anna@studio.ch', webdav: { url: URL_8443 } },
    },
    new Date('2026-12-06T10:00:00Z'),
  );
  await store.add(account, { main: PASSWORD });
  id = account.id;
});
afterEach(async () => {
  process.env.PATH = originalPath;
});

const context = (os: MountOs) => ({
  store,
  dataDir: join(dir(), 'data'),
  os,
  home: join(dir(), 'home'),
  env: {},
});
const summary = (calls: StandInCall[]): string[] =>
  calls.map((call) => [call.program, ...call.args].join(' '));

/** The password is in no call's arguments, environment or script, and on no stdin but `program`'s. */
function expectPasswordNowhereBut(calls: StandInCall[], program: string): void {
  for (const call of calls) {
    expect(call.args.join('\n')).not.toContain(PASSWORD);
    expect(Object.values(call.env).join('\n')).not.toContain(PASSWORD);
    if (call.script !== undefined) expect(call.script).not.toContain(PASSWORD);
    if (call.program !== program) expect(call.stdin).not.toContain('Sëcret');
  }
  expect(calls.filter((call) => call.stdin.includes('Sëcret')).map((call) => call.program)).toEqual([
    program,
  ]);
}

const webClientRunning = { program: 'sc.exe', args: ['query'], code: 0, output: 'STATE : 4  RUNNING\r\n' };
const letterFree = {
  program: 'net.exe',
  args: ['use', 'Z:'],
  code: 2,
  output: 'The network connection could not be found.',
};

describe('Windows: WebClient, Credential Manager, net use', () => {
  it('checks, stores the credential through CredWrite with the password on stdin, maps Z: and shows it', async () => {
    // `net use Z: UNC` also has "use" and "Z:": the mapping's rule comes first.
    await standIns.answer([
      webClientRunning,
      { program: 'net.exe', args: ['/persistent:yes'], code: 0 },
      { ...letterFree },
    ]);
    const outcome = await configureTarget(context('win32'), id, 'mount');
    expect(outcome).toMatchObject({ changed: true, location: 'Z:' });
    const calls = await standIns.calls();
    const script = calls.find((call) => call.program === 'powershell.exe')?.args.at(-7) ?? '';
    expect(summary(calls)).toEqual([
      'sc.exe query WebClient',
      'net.exe use Z:',
      `powershell.exe -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -File ${script} -Action Add -Target kdrive.example.com -UserName anna@studio.ch`,
      'net.exe use Z: \\\\kdrive.example.com@SSL@8443\\remote.php\\dav\\files\\anna@studio.ch\\Studio Rossi /persistent:yes',
      'explorer.exe Z:\\',
    ]);
    const credential = calls[2] as StandInCall;
    expect(credential.stdin).toBe(`${PASSWORD}\n`);
    // The script itself: a domain password for the host (what the WebDAV redirector reads), read from stdin.
    expect(credential.script).toMatch(/CredWriteW/);
    expect(credential.script).toMatch(/\$DomainPassword = 2/);
    expect(credential.script).toMatch(/\[Console\]::In\.ReadLine\(\)/);
    expectPasswordNowhereBut(calls, 'powershell.exe');
  });

  it('starts a stopped WebClient where that is allowed', async () => {
    await standIns.answer([
      { program: 'sc.exe', args: ['query'], code: 0, output: 'STATE : 1  STOPPED' },
      { program: 'net.exe', args: ['/persistent:yes'], code: 0 },
      letterFree,
    ]);
    await configureTarget(context('win32'), id, 'mount');
    expect(summary(await standIns.calls()).slice(0, 3)).toEqual([
      'sc.exe query WebClient',
      'sc.exe start WebClient',
      'net.exe use Z:',
    ]);
  });

  it('a WebClient only an administrator may start: says what to ask IT, and changes nothing', async () => {
    await standIns.answer([
      { program: 'sc.exe', args: ['query'], code: 0, output: 'STATE : 1  STOPPED' },
      {
        program: 'sc.exe',
        args: ['start'],
        code: 5,
        output: '[SC] StartService FAILED 5: Access is denied.',
      },
    ]);
    await expect(configureTarget(context('win32'), id, 'mount')).rejects.toMatchObject({
      code: 'ADMIN_REQUIRED',
      hint: expect.stringContaining('Startup type: Automatic'),
    });
    expect(summary(await standIns.calls())).toEqual(['sc.exe query WebClient', 'sc.exe start WebClient']);
    expect((await store.get(id)).targets ?? []).toEqual([]);
  });

  it('a letter already mapped stops before anything changes', async () => {
    await standIns.answer([webClientRunning, { program: 'net.exe', args: ['use', 'Z:'], code: 0 }]);
    await expect(configureTarget(context('win32'), id, 'mount')).rejects.toMatchObject({
      code: 'DRIVE_LETTER_IN_USE',
    });
    expect(summary(await standIns.calls())).toEqual(['sc.exe query WebClient', 'net.exe use Z:']);
  });

  it('a refused credential takes back what was done; so does a mapping refused for a letter in use', async () => {
    await standIns.answer([
      webClientRunning,
      { program: 'powershell.exe', args: ['Add'], code: 1, output: 'CredWrite failed: 1312' },
      letterFree,
    ]);
    await expect(configureTarget(context('win32'), id, 'mount')).rejects.toMatchObject({
      code: 'MOUNT_FAILED',
    });
    const afterCredential = summary(await standIns.calls());
    expect(afterCredential.slice(3)).toEqual([
      'net.exe use Z: /delete /y',
      expect.stringMatching(
        /^powershell\.exe .* -Action Remove -Target kdrive\.example\.com -UserName anna@studio\.ch$/,
      ),
    ]);

    await standIns.answer([
      webClientRunning,
      { program: 'net.exe', args: ['/persistent:yes'], code: 2, output: 'System error 85 has occurred.' },
      letterFree,
    ]);
    await expect(configureTarget(context('win32'), id, 'mount')).rejects.toMatchObject({
      code: 'DRIVE_LETTER_IN_USE',
    });
    const calls = summary(await standIns.calls()).slice(afterCredential.length);
    expect(calls.slice(-2)).toEqual([
      'net.exe use Z: /delete /y',
      expect.stringMatching(/-Action Remove -Target kdrive\.example\.com/),
    ]);
    expect((await store.get(id)).targets ?? []).toEqual([]);
  });

  it('Explorer failing to show the drive does not undo it; unconfigure removes mapping and credential', async () => {
    await standIns.answer([
      webClientRunning,
      { program: 'explorer.exe', code: 1 },
      { program: 'net.exe', args: ['/persistent:yes'], code: 0 },
      letterFree,
    ]);
    expect((await configureTarget(context('win32'), id, 'mount')).changed).toBe(true);
    const before = (await standIns.calls()).length;
    await standIns.answer([]);
    expect(await unconfigureTarget(context('win32'), id, 'mount')).toEqual({ changed: true, notes: [] });
    const undo = (await standIns.calls()).slice(before);
    expect(summary(undo)).toEqual([
      'net.exe use Z: /delete /y',
      expect.stringMatching(/-Action Remove -Target kdrive\.example\.com -UserName anna@studio\.ch$/),
    ]);
    expect(undo[1]?.stdin).toBe('');
  });
});

/** security.c's split_line, as a reference: whitespace-separated, "…" or '…' quoted, backslash escapes. */
function splitSecurityLine(line: string): string[] {
  const args: string[] = [];
  let current: string | undefined;
  let quote: string | undefined;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index] ?? '';
    if (current === undefined) {
      if (/\s/.test(char)) continue;
      current = '';
      if (char === '"' || char === "'") {
        quote = char;
        continue;
      }
    }
    if (char === '\\') {
      current += line[index + 1] ?? '';
      index += 1;
    } else if (quote !== undefined ? char === quote : /\s/.test(char)) {
      args.push(current);
      current = undefined;
      quote = undefined;
    } else current += char;
  }
  if (current !== undefined) args.push(current);
  return args;
}

describe('macOS: keychain item, mount_webdav, Finder', () => {
  it('types the keychain command into `security -i`, mounts on a safe folder and shows it in Finder', async () => {
    const outcome = await configureTarget(context('darwin'), id, 'mount');
    const point = join(dir(), 'home', 'Volumes', 'kDrive — Studio Rossi');
    expect(outcome.location).toBe(point);
    const calls = await standIns.calls();
    expect(summary(calls)).toEqual([
      'security -i',
      `mkdir -p ${point}`,
      `mount_webdav -s -S ${URL_8443} ${point}`,
      `open ${point}`,
    ]);
    // What `security` reads, split by its own grammar: the item and the password, exactly.
    expect(splitSecurityLine(calls[0]?.stdin.trimEnd() ?? '')).toEqual([
      'add-internet-password',
      '-a',
      'anna@studio.ch',
      '-s',
      'kdrive.example.com',
      '-P',
      '8443',
      '-r',
      'htps',
      '-p',
      '/remote.php/dav/files/anna%40studio.ch/Studio%20Rossi/',
      '-T',
      '/System/Library/Filesystems/webdav.fs/Support/webdavfs_agent',
      '-U',
      '-w',
      PASSWORD,
    ]);
    expectPasswordNowhereBut(calls, 'security');
  });

  it.each([
    ['mount_webdav', 3],
    ['mkdir', 2],
  ])('a failing %s takes back the folder and the keychain item', async (program, done) => {
    await standIns.answer([{ program, code: 1, output: `${program}: failed` }]);
    await expect(configureTarget(context('darwin'), id, 'mount')).rejects.toMatchObject({
      code: 'MOUNT_FAILED',
    });
    expect(summary(await standIns.calls()).slice(done)).toEqual([
      expect.stringMatching(/^umount /),
      expect.stringMatching(/^rmdir /),
      'security delete-internet-password -a anna@studio.ch -s kdrive.example.com -r htps',
    ]);
    expect((await store.get(id)).targets ?? []).toEqual([]);
  });

  it('a locked or refusing keychain stops before anything else', async () => {
    await standIns.answer([{ program: 'security', code: 51, output: 'User interaction is not allowed.' }]);
    await expect(configureTarget(context('darwin'), id, 'mount')).rejects.toMatchObject({
      code: 'MOUNT_FAILED',
      hint: expect.stringContaining('Unlock the login keychain'),
    });
    expect(summary(await standIns.calls())[0]).toBe('security -i');
  });

  it('unconfigure: unmount, remove the folder and the item (an item already gone is fine)', async () => {
    await configureTarget(context('darwin'), id, 'mount');
    const before = (await standIns.calls()).length;
    await standIns.answer([{ program: 'security', args: ['delete-internet-password'], code: 44 }]);
    expect(await unconfigureTarget(context('darwin'), id, 'mount')).toEqual({ changed: true, notes: [] });
    expect(summary((await standIns.calls()).slice(before))).toEqual([
      expect.stringMatching(/^umount /),
      expect.stringMatching(/^rmdir /),
      'security delete-internet-password -a anna@studio.ch -s kdrive.example.com -r htps',
    ]);
  });
});
