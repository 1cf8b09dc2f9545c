import type { Core } from '../core';
import { logFor } from '../log/logger';

const log = logFor('after-start');

/**
 * What a front end that stays running (the desktop app, the browser bridge) does once it is up: a password
 * change a crash interrupted is finished or taken back first, then the drives the person wants are
 * reconnected. Both load on demand, so the first screen never waits for them; a failure is logged, never
 * thrown, and the next start tries again.
 */
export async function runAfterStart(core: Core): Promise<void> {
  try {
    const { resumeRotations } = await import('../rotation/resume-rotations');
    await resumeRotations({ store: core.accounts, dataDir: core.dataDir });
  } catch (error) {
    log.error('resuming an interrupted password change failed', error);
  }
  try {
    const { reconnectIfWanted } = await import('../targets/reconnect-drives');
    await reconnectIfWanted(core.settings, core.accounts);
  } catch (error) {
    log.error('reconnecting drives failed', error);
  }
}
