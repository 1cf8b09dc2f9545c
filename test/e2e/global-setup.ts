import { startRig } from '../rig/rig';

/**
 * The same real-server rig as the integration tests, for specs that check servers through the UI. Workers
 * start after this returns and inherit the environment, so the rig's description travels in a variable.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // Windows and macOS (CI's desktop matrix) have no rig: there only the specs that need none are run.
  if (process.env.PONTE_E2E_RIG === 'none') return async () => undefined;
  const rig = await startRig();
  process.env.PONTE_RIG_INFO = JSON.stringify(rig.info);
  // Discovery in the bridge asks the rig's dnsmasq, which serves the rig domain's SRV records.
  process.env.PONTE_DNS_SERVER = `127.0.0.1:${rig.info.dns.port}`;
  return () => rig.stop();
}
