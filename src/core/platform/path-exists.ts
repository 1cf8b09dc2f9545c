import { access } from 'node:fs/promises';

/** Whether something is at `path` (file, folder or program), without opening it. */
export const pathExists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );
