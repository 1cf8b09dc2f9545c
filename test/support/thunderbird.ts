import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  realpath,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../rig/run-command';

// Asks the real Thunderbird (Debian's, headless) what it makes of a profile: its accounts, outgoing servers,
// calendars, address books and preferences, and how Mozilla's own prefs parser (libpref) reads a prefs.js.
//
// Thunderbird runs privileged JS only from AutoConfig files inside its install folder, which we must not
// change. So each test process builds a private copy of the install in a temp folder: the executable is
// copied (Mozilla takes its install folder from where the executable really lives), everything else is a
// symlink to the system's files, and the copy adds defaults/pref/autoconfig.js plus the probe
// (thunderbird-probe.cfg.js). The probe writes one JSON answer and quits Thunderbird.
//
// Thunderbird rewrites the profile's prefs.js when it quits, as it does for any user: sorted, with Mozilla's
// header comment and the preferences it adds at start (Local Folders account, mail.root.*, extensions.*,
// telemetry ids, network.online=false since the probe runs offline). Copy the profile first when a test
// still needs the file as it was written.

const SYSTEM_INSTALL = '/usr/lib/thunderbird';
const EXECUTABLE = 'thunderbird-bin';
const PROBE_FILE = 'ponte-probe.cfg';
const COPY_PREFIX = 'ponte-thunderbird-';
const SETUP_HINT = `Thunderbird is not installed (${SYSTEM_INSTALL}): run \`npm run setup:test\`.`;

/** Socket and auth values are Thunderbird's enums: nsMsgSocketType and nsMsgAuthMethod. */
export interface ThunderbirdIncomingServer {
  type: string;
  hostName: string;
  port: number;
  username: string;
  socketType: number;
  authMethod: number;
  prettyName: string;
}

export interface ThunderbirdIdentity {
  key: string;
  email: string;
  fullName: string;
  /** '' when the identity uses the default outgoing server. */
  smtpServerKey: string;
}

export interface ThunderbirdAccount {
  key: string;
  incoming: ThunderbirdIncomingServer | null;
  identities: ThunderbirdIdentity[];
}

export interface ThunderbirdOutgoingServer {
  key: string;
  type: string;
  hostname: string;
  port: number;
  username: string;
  socketType: number;
  authMethod: number;
  description: string;
}

export interface ThunderbirdCalendar {
  id: string;
  name: string;
  type: string;
  uri: string;
  username?: string;
  color?: string;
}

export interface ThunderbirdAddressBook {
  dirPrefId: string;
  dirName: string;
  /** 101 local (SQLite), 102 CardDAV, 0 LDAP. */
  dirType: number;
  /** The book's carddav.url preference. */
  url?: string;
  /** The book's carddav.username preference. */
  username?: string;
}

export interface ThunderbirdView {
  /** Includes the Local Folders account (type 'none') Thunderbird adds to a profile that has none. */
  accounts: ThunderbirdAccount[];
  outgoingServers: ThunderbirdOutgoingServer[];
  calendars: ThunderbirdCalendar[];
  /** Includes the two local books every profile has (ldap_2.servers.pab and .history). */
  addressBooks: ThunderbirdAddressBook[];
  /** Every preference with a user value once Thunderbird has started, its own additions included. */
  prefs: Record<string, string | number | boolean>;
}

export interface MozillaPref {
  name: string;
  kind: 'string' | 'int' | 'bool';
  value: string | number | boolean;
}

export interface MozillaPrefsReading {
  /** In the order libpref delivered them; a name set twice appears twice. */
  prefs: MozillaPref[];
  /** libpref's messages, e.g. "prefs.js:1: prefs parse error: unexpected escape sequence character after '\'". */
  errors: string[];
}

/** A password as a person gives it at Thunderbird's prompt: kept by origin and realm (the HTTP auth realm). */
export interface ThunderbirdLogin {
  origin: string;
  realm: string;
  username: string;
  password: string;
}

export interface ThunderbirdSyncRequest {
  /** The CA that signed the servers' certificates, added to the profile's own store (cert9.db). */
  caFile: string;
  /** The IMAP account to log in to; the profile's other accounts are left alone. */
  imap: { username: string; password: string };
  logins: ThunderbirdLogin[];
  /** How long each account, calendar and book may take to show what the server has. */
  waitMs?: number;
}

/** What Thunderbird got from the servers once online. */
export interface ThunderbirdSync {
  /** The folders Thunderbird listed on each IMAP server it logged in to (none when it could not). */
  imap: { hostName: string; username: string; folders: string[] }[];
  /** Every CalDAV calendar with the titles of the items it holds; error is its nsresult, 0 when none. */
  calendars: { uri: string; items: string[]; error: number }[];
  addressBooks: { url: string; cards: string[]; error?: string }[];
}

/** An autoconfig file for Thunderbird's account wizard, and the address to fill its placeholders for. */
export interface AutoconfigReadRequest {
  domain: string;
  xml: string;
  email: string;
  realname: string;
}

/** A server as Thunderbird's AccountConfig holds it: socketType and auth are its nsMsgSocketType/AuthMethod. */
export interface AutoconfigServer {
  type: string;
  hostname: string;
  port: number;
  socketType: number;
  auth: number;
  username: string;
}

export type AutoconfigReading =
  | {
      displayName: string;
      /** The preferred server first, then the alternatives, in the file's order. */
      incoming: AutoconfigServer[];
      outgoing: AutoconfigServer[];
      identity: { realname: string; emailAddress: string };
    }
  | { error: string };

export interface ThunderbirdRequest {
  /** An existing profile folder (with its prefs.js) to start on and report what Thunderbird loaded from it. */
  profileDir?: string;
  /** A prefs.js text (a string is written as UTF-8) to read with libpref. */
  prefsText?: string | Uint8Array;
  /** Let Thunderbird go online; by default it starts offline and contacts no server. */
  online?: boolean;
  /** Hard limit for the whole start, after which its process group is killed. */
  timeoutMs?: number;
  /** With profileDir: after reading the view, go online with these passwords and fetch from the servers. */
  sync?: ThunderbirdSyncRequest;
  /** Files read one after the other in the same start (each domain once). */
  autoconfig?: AutoconfigReadRequest[];
}

export interface ThunderbirdAnswer {
  view?: ThunderbirdView;
  parsed?: MozillaPrefsReading;
  synced?: ThunderbirdSync;
  autoconfig?: AutoconfigReading[];
}

export function isThunderbirdInstalled(): boolean {
  return existsSync(join(SYSTEM_INSTALL, EXECUTABLE)) && existsSync(join(SYSTEM_INSTALL, 'omni.ja'));
}

/**
 * Starts Thunderbird on `profileDir` and returns what it loaded, read once the main window and its calendar
 * part are up. Rewrites the profile's prefs.js on quit (see the top of this file).
 */
export async function loadedByThunderbird(
  profileDir: string,
  options: Pick<ThunderbirdRequest, 'online' | 'timeoutMs'> = {},
): Promise<ThunderbirdView> {
  const { view } = await askThunderbird({ ...options, profileDir });
  if (!view) throw new Error('Thunderbird answered without the view it was asked for');
  return view;
}

/** Thunderbird's own reading of autoconfig files (its account wizard's), placeholders filled for each `email`. */
export async function readAutoconfigWithThunderbird(
  requests: AutoconfigReadRequest[],
): Promise<AutoconfigReading[]> {
  const { autoconfig } = await askThunderbird({ autoconfig: requests });
  if (autoconfig?.length !== requests.length) {
    throw new Error('Thunderbird answered without the autoconfig readings it was asked for');
  }
  return autoconfig;
}

/**
 * Starts Thunderbird on `profileDir` as a person would on first use: the rig's CA trusted in the profile, each
 * password given once, then online — and returns what it loaded and what it fetched from the servers.
 */
export async function syncedByThunderbird(
  profileDir: string,
  sync: ThunderbirdSyncRequest,
): Promise<{ view: ThunderbirdView; synced: ThunderbirdSync }> {
  const { view, synced } = await askThunderbird({ profileDir, sync, timeoutMs: 90_000 });
  if (!view || !synced) throw new Error('Thunderbird answered without the sync it was asked for');
  return { view, synced };
}

/** Trusts `caFile` in the profile's NSS store, as importing it in Thunderbird's certificate manager does. */
async function trustInProfile(profileDir: string, caFile: string): Promise<void> {
  const db = `sql:${profileDir}`;
  if (!existsSync(join(profileDir, 'cert9.db')))
    await runCommand('certutil', ['-N', '-d', db, '--empty-password']);
  await runCommand('certutil', ['-A', '-d', db, '-t', 'C,,', '-n', 'Ponte rig CA', '-i', caFile]);
}

/** Mozilla's own reading of a prefs.js (libpref's parser, via nsIPrefService.parsePrefsFromBuffer). */
export async function parsePrefsWithMozilla(text: string | Uint8Array): Promise<MozillaPrefsReading> {
  const { parsed } = await askThunderbird({ prefsText: text });
  if (!parsed) throw new Error('Thunderbird answered without the parse it was asked for');
  return parsed;
}

/**
 * One Thunderbird start doing both jobs when both are asked. Without a profile it starts on a throwaway one
 * and quits as soon as the parse is written (a fraction of a second); with a profile, it waits for the
 * full start (about two seconds).
 */
export async function askThunderbird(request: ThunderbirdRequest): Promise<ThunderbirdAnswer> {
  const install = await privateInstall();
  const work = await mkdtemp(join(install.root, 'start-'));
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const profileDir = request.profileDir ?? join(work, 'profile');
    if (request.profileDir) {
      if (!(await stat(request.profileDir)).isDirectory())
        throw new Error(`${request.profileDir} is no folder`);
    } else {
      await mkdir(profileDir);
    }
    const outPath = join(work, 'answer.json');
    const env: Record<string, string> = {
      PATH: '/usr/bin:/bin',
      HOME: install.home,
      LANG: 'C.UTF-8',
      PONTE_PROBE_OUT: outPath,
      PONTE_PROBE_VIEW: request.profileDir ? '1' : '0',
      PONTE_PROBE_ONLINE: request.online ? '1' : '0',
      // No crash reporter, no safe-mode prompt after a killed start, no talking to another running instance.
      MOZ_CRASHREPORTER_DISABLE: '1',
      MOZ_DISABLE_AUTO_SAFE_MODE: '1',
      MOZ_NO_REMOTE: '1',
      MOZ_HEADLESS: '1',
    };
    if (request.sync) {
      if (!request.profileDir) throw new Error('a sync needs the profile to start on');
      await trustInProfile(request.profileDir, request.sync.caFile);
      env.PONTE_PROBE_SYNC = join(work, 'sync.json');
      // Passwords for the probe: in a file of the test's private folder, gone with it, never on a command line.
      await writeFile(env.PONTE_PROBE_SYNC, JSON.stringify(request.sync), { mode: 0o600 });
    }
    if (request.autoconfig) {
      for (const { domain, xml } of request.autoconfig) {
        // Where Thunderbird looks for files shipped with it; the copy's own folder (see buildPrivateInstall).
        const file = join(install.dir, 'isp', `${domain}.xml`);
        await writeFile(file, xml);
        cleanups.push(() => rm(file, { force: true }));
      }
      env.PONTE_PROBE_AUTOCONFIG = join(work, 'autoconfig.json');
      await writeFile(env.PONTE_PROBE_AUTOCONFIG, JSON.stringify(request.autoconfig));
    }
    if (request.prefsText !== undefined) {
      env.PONTE_PROBE_PARSE = join(work, 'parse-prefs.js');
      await writeFile(env.PONTE_PROBE_PARSE, request.prefsText);
    }
    const { ending, output } = await runThunderbird(
      join(install.dir, EXECUTABLE),
      ['--headless', '--profile', profileDir, '-no-remote'],
      env,
      request.timeoutMs ?? 45_000,
    );
    let text: string;
    try {
      text = await readFile(outPath, 'utf8');
    } catch {
      throw new Error(`Thunderbird wrote no answer (${ending}). Its output:\n${output}`);
    }
    const answer = JSON.parse(text) as ThunderbirdAnswer & { probeError?: string; offline?: boolean };
    if (answer.probeError) throw new Error(`Thunderbird's probe failed: ${answer.probeError}\n${output}`);
    if (!request.online && answer.offline === false) throw new Error('Thunderbird went online unasked');
    return { view: answer.view, parsed: answer.parsed, synced: answer.synced, autoconfig: answer.autoconfig };
  } finally {
    await rm(work, { recursive: true, force: true });
    for (const cleanup of cleanups) await cleanup();
  }
}

interface PrivateInstall {
  root: string;
  dir: string;
  home: string;
}

let installing: Promise<PrivateInstall> | undefined;

/** The private copy of the install, built once per test process and removed when the process exits. */
function privateInstall(): Promise<PrivateInstall> {
  installing ??= buildPrivateInstall();
  return installing;
}

async function buildPrivateInstall(): Promise<PrivateInstall> {
  if (!isThunderbirdInstalled()) throw new Error(SETUP_HINT);
  await removeCopiesOfEndedProcesses();
  const root = await mkdtemp(join(tmpdir(), `${COPY_PREFIX}${process.pid}-`));
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'install');
  const home = join(root, 'home');
  await mkdir(dir);
  await mkdir(home);
  const executable = await realpath(join(SYSTEM_INSTALL, EXECUTABLE));
  for (const name of await readdir(SYSTEM_INSTALL)) {
    const from = join(SYSTEM_INSTALL, name);
    const to = join(dir, name);
    if (name === EXECUTABLE) {
      await copyFile(from, to);
      await chmod(to, 0o755);
    } else if (name === 'defaults') {
      await mirrorDefaults(from, to);
    } else if (name === 'isp') {
      // Thunderbird's shipped autoconfig files: an empty folder of our own, for the files a test writes.
      await mkdir(to);
    } else if ((await realpath(from).catch(() => from)) === executable) {
      // thunderbird -> thunderbird-bin: to the copy, not to the system's executable.
      await symlink(EXECUTABLE, to);
    } else {
      await symlink(from, to);
    }
  }
  await writeFile(
    join(dir, 'defaults/pref/autoconfig.js'),
    [
      '// Ponte tests: run the probe at startup, unobscured and outside the AutoConfig sandbox.',
      `pref("general.config.filename", "${PROBE_FILE}");`,
      'pref("general.config.obscure_value", 0);',
      'pref("general.config.sandbox_enabled", false);',
      '',
    ].join('\n'),
  );
  await copyFile(join(__dirname, 'thunderbird-probe.cfg.js'), join(dir, PROBE_FILE));
  return { root, dir, home };
}

/**
 * Test workers are often ended by a signal, which skips 'exit' handlers: each new copy removes those left by
 * processes that no longer run (the process id is in the folder's name).
 */
async function removeCopiesOfEndedProcesses(): Promise<void> {
  for (const name of await readdir(tmpdir())) {
    const pid = new RegExp(`^${COPY_PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) await rm(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** defaults/ as in the system's install (Debian's syspref link included), with a pref folder we may add to. */
async function mirrorDefaults(from: string, to: string): Promise<void> {
  const real = await realpath(from);
  await mkdir(join(to, 'pref'), { recursive: true });
  for (const name of await readdir(real)) {
    if (name === 'pref') {
      for (const file of await readdir(join(real, 'pref'))) {
        await symlink(join(real, 'pref', file), join(to, 'pref', file));
      }
    } else {
      await symlink(join(real, name), join(to, name));
    }
  }
}

/** GTK's complaints about having no screen, printed by every headless start. */
const NOISE = /Gtk-CRITICAL|glib warning|GraphicsCriticalError|\[GFX1-\]|^\s*$/;

function runThunderbird(
  executable: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ ending: string; output: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a hung start goes down with all the processes it spawned.
    const child = spawn(executable, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) if (!NOISE.test(line)) lines.push(line);
      lines.splice(0, Math.max(0, lines.length - 60));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const killGroup = (): void => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Content processes outliving the main one would keep the profile busy.
      killGroup();
      const how = timedOut
        ? `killed after ${timeoutMs} ms`
        : signal
          ? `signal ${signal}`
          : `exit code ${code ?? '?'}`;
      resolve({ ending: how, output: lines.join('\n') });
    });
  });
}
