import { describe, expect, it } from 'vitest';
import type { Channel } from '@shared/channels';
import type { CallResult } from '@shared/contract';

// What Electronegativity cannot see: Ponte's own IPC rules, on the contract's types (no result can carry a
// secret). Registration and the sender check are tested for behaviour in test/unit/main/ipc/.

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
  // How main registers and guards IPC is tested for behaviour in test/unit/main/ipc/register-ipc.test.ts.
});
