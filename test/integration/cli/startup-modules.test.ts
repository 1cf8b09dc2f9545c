import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useTempDir } from '../../support/use-temp-dir';

// What the start-up figures of docs/testing.md rest on (issue 20): a command loads only the libraries it uses,
// and the browser preview serves its page before any of them. The built program runs with a preload that records
// every package it requires (test/support/module-trace.cjs).

const root = join(__dirname, '../../..');
const rig = inject('rig');
const PROTOCOLS = ['imapflow', 'nodemailer', 'tsdav', 'webdav', 'mailparser', 'undici', '@peculiar/asn1-cms'];
const dir = useTempDir('ponte-startup-modules-', 'all');

/** The packages `node <args>` loaded; with `untilOutput`, the process is stopped once it printed that. */
async function packagesLoaded(args: string[], untilOutput?: RegExp, stdin = ''): Promise<string[]> {
  return (await modulesLoaded(args, untilOutput, stdin)).packages;
}

/** Packages, and every module at all (built-ins as `node:NAME`, files by path). */
async function modulesLoaded(
  args: string[],
  untilOutput?: RegExp,
  stdin = '',
): Promise<{ packages: string[]; files: string[] }> {
  const trace = join(dir(), `trace-${Date.now()}-${Math.random()}.json`);
  const child = spawn(process.execPath, ['-r', join(root, 'test/support/module-trace.cjs'), ...args], {
    cwd: root,
    env: { ...process.env, PONTE_DATA_DIR: join(dir(), 'data'), HOME: dir(), PONTE_MODULE_TRACE: trace },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(stdin);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (untilOutput?.test(out)) child.kill('SIGTERM');
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return {
    packages: JSON.parse(await readFile(trace, 'utf8')) as string[],
    files: JSON.parse(await readFile(`${trace}.files`, 'utf8')) as string[],
  };
}

/** The app's own files among `files` that bundle the given library source (its path survives as a comment). */
async function bundling(files: string[], source: string): Promise<string[]> {
  const own = files.filter((path) => path.startsWith(join(root, 'out/')));
  const texts = await Promise.all(own.map((file) => readFile(file, 'utf8')));
  return own.filter((_, index) => texts[index]?.includes(source));
}

describe('what starting Ponte loads', () => {
  it.each([['--version'], ['--help'], ['expiry', '--json'], ['account', 'list', '--json']])(
    'ponte %s loads no protocol library',
    async (...command) => {
      const loaded = await packagesLoaded(['bin/ponte.js', ...command]);
      expect(loaded.filter((name) => PROTOCOLS.includes(name))).toEqual([]);
    },
  );

  // Classic zod's chainable API and node:crypto each cost every start some milliseconds; what every command
  // reads is checked with zod/mini and random ids come from Web Crypto's lazy global (issue 20).
  it.each([
    ['expiry', '--json'],
    ['account', 'list', '--json'],
  ])('ponte %s loads neither classic zod nor node:crypto', async (...command) => {
    const { files } = await modulesLoaded(['bin/ponte.js', ...command]);
    expect(await bundling(files, 'node_modules/zod/v4/classic/')).toEqual([]);
    expect(files.filter((file) => file === 'node:crypto')).toEqual([]);
    // The trace does see zod/mini itself, so an empty list above is not a blind spot.
    expect((await bundling(files, 'node_modules/zod/v4/mini/')).length).toBeGreaterThan(0);
  });

  it('ponte doctor does load node:crypto (its keychain probe): the trace sees built-ins', async () => {
    const { files } = await modulesLoaded(['bin/ponte.js', 'doctor', '--json']);
    expect(files).toContain('node:crypto');
  });

  it('ponte --version loads nothing but the translator', async () => {
    expect(await packagesLoaded(['bin/ponte.js', '--version'])).toEqual(['i18next']);
  });

  it('a check does load its protocol library: the trace sees what is loaded', async () => {
    const imap = `127.0.0.1:${rig.imap.tlsPort}`;
    const args = [
      'verify',
      '--imap',
      imap,
      '--ca',
      rig.caFile,
      '--user',
      'anna@ponte.test',
      '--password-stdin',
    ];
    const loaded = await packagesLoaded(['bin/ponte.js', ...args], undefined, 'not-her-password');
    expect(loaded).toContain('imapflow');
  });

  it('the browser preview prints its address before loading any protocol library', async () => {
    const loaded = await packagesLoaded(['out/main/web-bridge.js'], /#token=/);
    expect(loaded.filter((name) => PROTOCOLS.includes(name))).toEqual([]);
  });
});
