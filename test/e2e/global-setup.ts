import { startRig } from '../rig/rig';

/**
 * The same real-server rig as the integration tests, for specs that check servers through the UI. Workers
 * start after this returns and inherit the environment, so the rig's description travels in a variable.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const rig = await startRig();
  process.env.PONTE_RIG_INFO = JSON.stringify(rig.info);
  return () => rig.stop();
}
