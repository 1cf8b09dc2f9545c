import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, inject, it } from 'vitest';
import type { AccountSummary } from '@shared/models';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

// A full disk, for real: the data folder is a 256 KB tmpfs in a private mount namespace (nothing outside the
// test sees it). One account is saved, the disk is filled, then a second save must fail with a clear error and
// leave the first account's file exactly as it was.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const marco = rigUser(rig, 1);
const ponte = join(__dirname, '../../../bin/ponte.js');
const dir = useTempDir('ponte-full-disk-', 'all');

beforeAll(async () => {
  await mkdir(join(dir(), 'data'));
});

// Passwords come on the shell's stdin and go to ponte through printf, a shell builtin: never in an argument.
const script = `
set -u
mount -t tmpfs -o size=256k tmpfs "$DATA" || exit 90
read -r PW1; read -r PW2
add() { node "$PONTE" account add --email "$1" --imap "127.0.0.1:$IMAP_PORT" --user "$1" --ca "$CA" --password-stdin --json; }
printf '%s' "$PW1" | add "$E1" > "$OUT/first.json"; echo "$?" > "$OUT/first.code"
cp "$DATA/accounts.json" "$OUT/accounts-before.json"
cat /dev/zero > "$DATA/filler" 2>/dev/null
printf '%s' "$PW2" | add "$E2" > "$OUT/second.json" 2> "$OUT/second.err"; echo "$?" > "$OUT/second.code"
cp "$DATA/accounts.json" "$OUT/accounts-after.json"
node "$PONTE" account list --json > "$OUT/list.json"
`;

function inNamespace(): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn('unshare', ['--mount', 'sh', '-c', script], {
      env: {
        ...process.env,
        LANG: 'en_US.UTF-8',
        DATA: join(dir(), 'data'),
        PONTE_DATA_DIR: join(dir(), 'data'),
        OUT: dir(),
        PONTE: ponte,
        IMAP_PORT: String(rig.imap.tlsPort),
        CA: rig.caFile,
        E1: anna.email,
        E2: marco.email,
      },
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    child.stdin.end(`${anna.password}\n${marco.password}\n`);
    child.on('close', resolve);
  });
}

it('a full disk: the save fails saying so, and the accounts file is left exactly as it was', async () => {
  expect(await inNamespace()).toBe(0);
  expect((await readFile(join(dir(), 'first.code'), 'utf8')).trim()).toBe('0');
  expect((await readFile(join(dir(), 'second.code'), 'utf8')).trim()).toBe('1');
  const second = JSON.parse(await readFile(join(dir(), 'second.json'), 'utf8')) as {
    ok: boolean;
    error: { code: string; message: string; hint: string };
  };
  expect(second).toMatchObject({
    ok: false,
    error: { code: 'STORAGE_NOT_WRITABLE', hint: 'Free some disk space and try again.' },
  });
  expect(second.error.message).toContain('the disk is full. The previous version is unchanged.');
  expect(await readFile(join(dir(), 'accounts-after.json'), 'utf8')).toBe(
    await readFile(join(dir(), 'accounts-before.json'), 'utf8'),
  );
  const list = JSON.parse(await readFile(join(dir(), 'list.json'), 'utf8')) as AccountSummary[];
  expect(list.map((account) => account.email)).toEqual([anna.email]);
});
