import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../support/source-files';
import type { Channel } from '@shared/channels';
import type { CallResult } from '@shared/contract';

// What Electronegativity cannot see: Ponte's own IPC rules. Checked on the sources (one registration point,
// sender check before dispatch) and on the contract's types (no result can carry a secret).

const root = join(__dirname, '../../..');

/** True when V can hold any text (a string, or strings), as a secret would; a union of literals cannot. */
type FreeText<V> =
  string extends NonNullable<V> ? true : NonNullable<V> extends readonly (infer E)[] ? FreeText<E> : false;

/**
 * The name of every property that holds free text, anywhere inside T (objects, arrays, unions), a few levels
 * deep; index signatures are looked into, not named.
 */
type DeepKeys<T, Depth extends unknown[] = []> = Depth['length'] extends 8
  ? never
  : T extends readonly (infer E)[]
    ? DeepKeys<E, [...Depth, 1]>
    : T extends object
      ? {
          [K in keyof T]-?:
            | (string extends K ? never : FreeText<T[K]> extends true ? K : never)
            | DeepKeys<T[K], [...Depth, 1]>;
        }[keyof T]
      : never;

type SecretKey = 'password' | 'passwords' | 'secret' | 'appPassword' | 'pass' | 'token' | 'authorization';
type AnyResult = { [C in Channel]: CallResult<C> }[Channel];
type LeakingKeys = Extract<DeepKeys<AnyResult>, SecretKey>;
// Fails to compile (npm run typecheck) as soon as any channel's result type gains such a field.
const noSecretInResults: [LeakingKeys] extends [never] ? true : LeakingKeys = true;

describe('the IPC surface', () => {
  it('no channel’s result type has a field that could carry a secret', () => {
    expect(noSecretInResults).toBe(true);
  });

  it('main registers IPC in one place only, for the contract’s channels, never with ipcMain.on', async () => {
    const registering: string[] = [];
    for (const file of await sourceFiles(join(root, 'src/main'))) {
      const source = await readFile(file, 'utf8');
      expect(source, relative(root, file)).not.toMatch(/ipcMain\.(on|once|handleOnce)\(/);
      if (/ipcMain\.handle\(/.test(source)) registering.push(relative(root, file));
    }
    expect(registering).toEqual(['src/main/ipc/register-ipc.ts']);
    const source = await readFile(join(root, 'src/main/ipc/register-ipc.ts'), 'utf8');
    expect(source.match(/ipcMain\.handle\(/g)).toHaveLength(1);
    expect(source).toMatch(/for \(const channel of CHANNELS\)/);
  });

  it('each call is checked to come from Ponte’s own top frame before core validates and runs it', async () => {
    const source = await readFile(join(root, 'src/main/ipc/register-ipc.ts'), 'utf8');
    const handler = source.slice(source.indexOf('ipcMain.handle('));
    const senderCheck = handler.indexOf('if (!isTrustedEvent(event))');
    const run = handler.indexOf('return dispatch(handlers, channel, input');
    expect(senderCheck).toBeGreaterThan(0);
    expect(run).toBeGreaterThan(senderCheck);
  });
});
