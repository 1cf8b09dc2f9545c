import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProfileForInstall } from '@core/targets/install-profile';
import { createStandIns, type StandIns } from '../../../support/os-stand-ins';
import { useTempDir } from '../../../support/use-temp-dir';

// On a Mac the written profile is handed to System Settings with `open` (a stand-in here: what macOS shows
// then is proved on a Mac only); elsewhere Ponte says where it is installed instead.

const dir = useTempDir('ponte-profile-');
let standIns: StandIns;
const originalPath = process.env.PATH;
beforeEach(async () => {
  standIns = await createStandIns(dir(), ['open']);
  process.env.PATH = `${standIns.bin}:${originalPath ?? ''}`;
});
afterEach(async () => {
  process.env.PATH = originalPath;
});

describe('installing a configuration profile', () => {
  it('macOS: opens exactly the written file', async () => {
    await openProfileForInstall('/Users/anna/Studio Rossi.mobileconfig', 'darwin');
    expect((await standIns.calls()).map((call) => [call.program, ...call.args])).toEqual([
      ['open', '/Users/anna/Studio Rossi.mobileconfig'],
    ]);
  });

  it('macOS refusing to open it says what to do instead', async () => {
    await standIns.answer([{ program: 'open', code: 1, output: 'LSOpenURLsWithRole() failed' }]);
    await expect(openProfileForInstall('/tmp/x.mobileconfig', 'darwin')).rejects.toMatchObject({
      hint: expect.stringContaining('Double-click the file in Finder'),
    });
  });

  it.each(['linux', 'win32'] as const)(
    '%s: nothing is opened; the person is told where it installs',
    async (os) => {
      await expect(openProfileForInstall('/tmp/x.mobileconfig', os)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
      expect(await standIns.calls()).toEqual([]);
    },
  );
});
