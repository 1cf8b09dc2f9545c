import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { makeTempDir, removeTempDir } from './temp-dir';

/**
 * A fresh temp folder for each test (`each`) or one for the whole file or describe block (`all`), removed after
 * it; the returned function gives its path once the hooks have run. Call it before the block's other hooks:
 * they then run with the folder in place, and (Vitest runs after-hooks in reverse) their clean-up before it goes.
 */
export function useTempDir(prefix: string, scope: 'each' | 'all' = 'each'): () => string {
  let dir: string | undefined;
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    dir = await makeTempDir(prefix);
  });
  after(async () => {
    if (dir !== undefined) await removeTempDir(dir);
    dir = undefined;
  });
  return () => {
    if (dir === undefined)
      throw new Error(`The ${prefix} temp folder is used outside the tests it was made for`);
    return dir;
  };
}
