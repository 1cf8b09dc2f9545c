import { it } from 'vitest';
import { startRig } from '../rig/rig';
it('times', async () => {
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const rig = await startRig();
    const t1 = performance.now();
    const t = rig.info;
    await rig.stop();
    const t2 = performance.now();
    console.log(`start ${(t1 - t0).toFixed(0)} ms, stop ${(t2 - t1).toFixed(0)} ms`, t.dir);
  }
});
