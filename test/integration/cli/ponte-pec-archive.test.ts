import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Agent } from 'node:https';
import { createClient, type FileStat } from 'webdav';
import { describe, expect, inject, it } from 'vitest';
import type { ArchiveReport } from '@shared/pec-archive';
import { rigImap } from '../../support/rig-imap';
import { ponteWith } from '../../support/run-ponte';
import { rigUser } from '../verify/rig-targets';
import { createCore } from '@core/core';
import { archiveMailbox } from '@core/pec/archive/archive-mailbox';
import { useTempDir } from '../../support/use-temp-dir';
import { useRigAccount } from '../../support/use-rig-account';

// `ponte pec archive` against the rig's Dovecot: old messages (dated months back with IMAP APPEND) copied to a
// folder and to the rig's WebDAV, checked, deleted from the server; the process killed with SIGKILL in the
// middle (PONTE_TEST_CRASH_AT) and run again: nothing lost, nothing twice.

const rig = inject('rig');
const vera = rigUser(rig, 5);
const dir = useTempDir('ponte-archive-', 'all');
const dataDir = (): string => join(dir(), 'data');
const ponte = ponteWith(() => ({ dataDir: dataDir() }));
const id = useRigAccount(ponte, rig, vera, ['imap', 'webdav']);

const sha = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

function message(subject: string, body: string): string {
  return `From: ${vera.email}\r\nTo: ${vera.email}\r\nSubject: ${subject}\r\nMessage-ID: <${sha(subject).slice(0, 12)}@ponte.test>\r\n\r\n${body}\r\n`;
}

/** Puts messages in a folder with the given arrival dates; returns their bytes' hashes. */
async function seed(folder: string, entries: { subject: string; at: string }[]): Promise<string[]> {
  const client = await rigImap(rig, vera);
  try {
    if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
    const hashes: string[] = [];
    for (const entry of entries) {
      const raw = message(entry.subject, `Contenuto di ${entry.subject}\r\n${'riga\r\n'.repeat(200)}`);
      await client.append(folder, raw, [], new Date(entry.at));
      hashes.push(sha(raw));
    }
    return hashes;
  } finally {
    await client.logout();
  }
}

async function subjectsIn(folder: string): Promise<string[]> {
  const client = await rigImap(rig, vera);
  try {
    await client.mailboxOpen(folder);
    const subjects: string[] = [];
    for await (const entry of client.fetch('1:*', { envelope: true }))
      subjects.push(entry.envelope?.subject ?? '');
    return subjects.sort();
  } catch {
    return [];
  } finally {
    await client.logout();
  }
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
}
const old = (n: number) => ({ subject: `vecchio ${n}`, at: `2026-0${1 + (n % 5)}-1${n % 9}T10:00:00Z` });

describe('ponte pec archive', () => {
  it('to a folder, killed twice on the way, then finished: every old message there once, intact, and gone from the server', async () => {
    const hashes = [
      ...(await seed('INBOX', [1, 2, 3, 4, 5, 6].map(old))),
      ...(await seed('Sent', [7, 8].map(old))),
    ];
    await seed('INBOX', [{ subject: 'recente', at: new Date().toISOString() }]);
    const target = join(dir(), 'archivio');
    const args = ['pec', 'archive', id(), '--older-than', '90d', '--to', target];

    const dry = await ponte([...args, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as ArchiveReport;
    expect(plan.folders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ folder: 'INBOX', messages: 6 }),
        expect.objectContaining({ folder: 'Sent', messages: 2 }),
      ]),
    );
    expect(await subjectsIn('INBOX')).toHaveLength(7);

    // Killed after the third copy was checked (before its deletion), then after a deletion not yet recorded.
    const first = await ponte(args, { env: { PONTE_TEST_CRASH_AT: 'verified#3' } });
    expect(first.code).toBeNull();
    const second = await ponte(args, { env: { PONTE_TEST_CRASH_AT: 'deleted#2' } });
    expect(second.code).toBeNull();
    const last = await ponte([...args, '--json']);
    expect(last.code).toBe(0);
    expect((JSON.parse(last.stdout) as ArchiveReport).manifest).toBe(
      join(target, 'ponte-archive-manifest.json'),
    );

    expect(await subjectsIn('INBOX')).toEqual(['recente']);
    expect(await subjectsIn('Sent')).toEqual([]);
    const files = (await filesUnder(target)).filter((file) => file.endsWith('.eml'));
    expect(files).toHaveLength(8);
    for (const file of files)
      expect(file).toMatch(/^2026\/0[1-5]\/2026-0[1-5]-\d\dT\d{6}Z_(INBOX|Sent)_\d+-\d+_vecchio-\d\.eml$/);
    const stored = await Promise.all(files.map(async (file) => sha(await readFile(join(target, file)))));
    expect(stored.sort()).toEqual([...hashes].sort());

    // The manifest lists each message that moved exactly once, across the three runs.
    const manifest = JSON.parse(await readFile(join(target, 'ponte-archive-manifest.json'), 'utf8')) as {
      messages: { sha256: string; path: string }[];
    };
    expect(manifest.messages.map((entry) => entry.sha256).sort()).toEqual([...hashes].sort());
    expect(manifest.messages.map((entry) => entry.path).sort()).toEqual([...files].sort());
  });

  it('to the WebDAV drive, killed after a copy was written, then finished', async () => {
    const hashes = await seed('INBOX', [11, 12, 13].map(old));
    const args = ['pec', 'archive', id(), '--older-than', '90d', '--to', `webdav:${id()}/archivio-pec`];
    expect((await ponte(args, { env: { PONTE_TEST_CRASH_AT: 'written#2' } })).code).toBeNull();
    const run = await ponte([...args, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ArchiveReport;
    expect(report.destination).toBe(`${vera.webdavUrl}archivio-pec/`);
    expect(await subjectsIn('INBOX')).toEqual(['recente']);

    // Read back over WebDAV, as anyone opening the drive would.
    const agent = new Agent({ ca: rig.caPem });
    const drive = createClient(vera.webdavUrl, {
      username: vera.login,
      password: vera.password,
      httpsAgent: agent,
    });
    // Apache refuses Depth: infinity, so the folders are walked one level at a time.
    const walk = async (path: string): Promise<FileStat[]> => {
      const entries = (await drive.getDirectoryContents(path)) as FileStat[];
      const nested = await Promise.all(
        entries.filter((entry) => entry.type === 'directory').map((entry) => walk(entry.filename)),
      );
      return [...entries.filter((entry) => entry.type === 'file'), ...nested.flat()];
    };
    const emls = (await walk('/archivio-pec')).filter((entry) => entry.filename.endsWith('.eml'));
    expect(emls).toHaveLength(3);
    const contents = await Promise.all(
      emls.map(async (entry) =>
        sha(Buffer.from((await drive.getFileContents(entry.filename, { format: 'binary' })) as ArrayBuffer)),
      ),
    );
    expect(contents.sort()).toEqual([...hashes].sort());
    agent.destroy();
  });

  it('a folder that cannot be written: a clear error before anything leaves the server', async () => {
    await seed('INBOX', [old(21)]);
    const run = await ponte(['pec', 'archive', id(), '--older-than', '90d', '--to', '/proc/ponte-archivio']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot create the archive folder /proc/ponte-archivio');
    expect(await subjectsIn('INBOX')).toEqual(['recente', 'vecchio 21']);
  });

  it('a destination that is not understood is a usage error (exit 2)', async () => {
    expect((await ponte(['pec', 'archive', id(), '--older-than', 'soon', '--to', dir()])).code).toBe(2);
    expect((await ponte(['pec', 'archive', id(), '--older-than', '90d', '--to', 'webdav:nope'])).code).toBe(
      2,
    );
  });
});

describe('archiveMailbox stopped by the person', () => {
  it('keeps what moved, lists it in the manifest, leaves the rest on the server; the next run finishes', async () => {
    // In-process, so the stop comes at an exact point: the second deletion (Ctrl-C and the window's Stop
    // both abort this same signal).
    await seed('INBOX', [31, 32, 33, 34].map(old));
    const before = (await subjectsIn('INBOX')).filter((subject) => subject.startsWith('vecchio'));
    expect(before.length).toBeGreaterThanOrEqual(4);
    const core = createCore({ dataDir: dataDir(), appRoot: process.cwd() });
    const target = join(dir(), 'archivio-fermato');
    const controller = new AbortController();
    let deletions = 0;
    const options = { olderThanDays: 90, destination: { kind: 'folder' as const, path: target } };
    const stopped = await archiveMailbox({ store: core.accounts, dataDir: dataDir() }, id(), {
      ...options,
      signal: controller.signal,
      onPoint: (point) => {
        if (point === 'deleted' && ++deletions === 2) controller.abort();
      },
    });
    expect(stopped).toMatchObject({ stopped: true, archived: 2, failed: [] });
    expect(stopped.manifest).toBe(join(target, 'ponte-archive-manifest.json'));
    const manifest = JSON.parse(await readFile(join(target, 'ponte-archive-manifest.json'), 'utf8')) as {
      messages: { path: string }[];
    };
    const moved = (await filesUnder(target)).filter((file) => file.endsWith('.eml'));
    expect(moved).toHaveLength(2);
    expect(manifest.messages.map((entry) => entry.path).sort()).toEqual(moved.sort());
    expect((await subjectsIn('INBOX')).filter((subject) => subject.startsWith('vecchio'))).toHaveLength(
      before.length - 2,
    );

    const rest = await archiveMailbox({ store: core.accounts, dataDir: dataDir() }, id(), options);
    expect(rest).toMatchObject({ stopped: false, archived: before.length - 2, failed: [] });
    expect(await subjectsIn('INBOX')).toEqual(['recente']);
    expect((await filesUnder(target)).filter((file) => file.endsWith('.eml'))).toHaveLength(before.length);
  });
});

describe('archiveMailbox and a message too large to hold', () => {
  it('leaves it on the server, says why, and archives the others in the same run', async () => {
    await seed('INBOX', [41, 42].map(old));
    const client = await rigImap(rig, vera);
    try {
      await client.append(
        'INBOX',
        message('enorme', 'x'.repeat(200_000)),
        [],
        new Date('2026-03-03T10:00:00Z'),
      );
    } finally {
      await client.logout();
    }
    const core = createCore({ dataDir: dataDir(), appRoot: process.cwd() });
    const target = join(dir(), 'archivio-limite');
    const report = await archiveMailbox({ store: core.accounts, dataDir: dataDir() }, id(), {
      olderThanDays: 90,
      destination: { kind: 'folder', path: target },
      largestMessageBytes: 64 * 1024,
    });
    expect(report).toMatchObject({ stopped: false, archived: 2 });
    expect(report.failed).toEqual([
      expect.objectContaining({
        folder: 'INBOX',
        reason: 'larger than the 66 kB Ponte archives; it stays on the server',
      }),
    ]);
    expect(await subjectsIn('INBOX')).toEqual(['enorme', 'recente']);
    expect((await filesUnder(target)).filter((file) => file.endsWith('.eml'))).toHaveLength(2);
  });
});
