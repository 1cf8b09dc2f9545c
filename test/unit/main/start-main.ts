import { resetElectron, state } from '../../support/electron-stand-in';
import { makeTempDir } from '../../support/temp-dir';

/**
 * Loads the main process's entry (it runs at import) the way Electron would start it. Once per spec file:
 * the entry keeps its module state, so each start-up case has a file of its own.
 */
export async function startMain(
  options: { singleInstance?: boolean; hidden?: boolean } = {},
): Promise<string> {
  resetElectron();
  state.singleInstance = options.singleInstance ?? true;
  const dir = await makeTempDir('ponte-main-');
  process.env.PONTE_DATA_DIR = dir;
  if (options.hidden) process.argv = [...process.argv, '--hidden'];
  await import('../../../src/main/index');
  return dir;
}
