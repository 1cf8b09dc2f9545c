import { describe, expect, it } from 'vitest';
import { parseRotationHash, rotationHash } from '@shared/rotation-link';

describe('the link to a password’s change form', () => {
  const target = { accountId: '0b6e4f5a-2c1d-4e8f-9a7b-3c2d1e0f9a8b', credentialId: 'sync' };

  it('round-trips an account id and a credential id', () => {
    expect(rotationHash(target)).toBe('#rotate=0b6e4f5a-2c1d-4e8f-9a7b-3c2d1e0f9a8b:sync');
    expect(parseRotationHash(rotationHash(target))).toEqual(target);
  });

  it('ignores any other fragment, and anything not shaped like the ids', () => {
    for (const hash of [
      '',
      '#',
      '#settings',
      '#rotate=',
      '#rotate=not-a-uuid:main',
      `${rotationHash(target)}x!`,
    ]) {
      expect(parseRotationHash(hash)).toBeNull();
    }
  });
});
