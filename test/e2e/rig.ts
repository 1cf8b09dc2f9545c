import type { RigInfo } from '../rig/rig-info';

/** The rig started by global-setup.ts. */
export function e2eRig(): RigInfo {
  const raw = process.env.PONTE_RIG_INFO;
  if (!raw) throw new Error('PONTE_RIG_INFO is not set: the Playwright global setup did not start the rig');
  return JSON.parse(raw) as RigInfo;
}
