import type { TestProject } from 'vitest/node';
import { startRig } from './rig';

/** One rig for the whole integration project; test files reach it with `inject('rig')`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const rig = await startRig();
  project.provide('rig', rig.info);
  return () => rig.stop();
}
