import { describe, expect, it } from 'vitest';
import { mountPlan } from '@core/targets/mount/mount-plan';
import type { MountOs, PlanStep } from '@shared/targets';

const input = {
  url: 'https://kdrive.example.com:8443/remote.php/dav/files/anna%40studio.ch/Studio Rossi/',
  username: 'anna@studio.ch',
  label: 'kDrive — Studio Rossi',
  home: '/home/anna',
};

const OSES: MountOs[] = ['linux', 'darwin', 'win32'];

describe('mount plans', () => {
  // Golden files: read once by a person (commands, paths, quoting), asserted ever after.
  it.each(OSES)('%s: matches the reviewed golden file', async (os) => {
    await expect(`${JSON.stringify(mountPlan(os, input), null, 2)}\n`).toMatchFileSnapshot(
      `golden/mount-plan.${os}.json`,
    );
  });

  it.each(OSES)('%s: the undo plan takes back every change the plan makes', (os) => {
    const plan = mountPlan(os, input);
    const undoes = (step: PlanStep): boolean =>
      plan.undo.some((undo) => {
        if (step.kind === 'add-line')
          return undo.kind === 'remove-line' && undo.line === step.line && undo.file === step.file;
        if (step.kind === 'store-credential') {
          return (
            undo.kind === 'remove-credential' &&
            undo.server === step.server &&
            undo.username === step.username
          );
        }
        return true;
      });
    expect(plan.steps.filter((step) => !undoes(step))).toEqual([]);
    // Whatever mounts is unmounted.
    const mounts = plan.steps.some((s) => s.kind === 'run' && /mount|net\.exe/.test(s.command.join(' ')));
    const unmounts = plan.undo.some(
      (s) => s.kind === 'run' && /unmount|umount|\/delete/.test(s.command.join(' ')),
    );
    expect([mounts, unmounts]).toEqual([true, true]);
  });

  it.each(OSES)('%s: the password is in no command line; only stdin or the keychain carry it', (os) => {
    const plan = mountPlan(os, input);
    const runs = [...plan.steps, ...plan.undo].filter((s) => s.kind === 'run');
    expect(
      runs.every((s) => !s.command.some((arg) => /pass|:[^/]*@/i.test(arg) && !arg.startsWith('davs://'))),
    ).toBe(true);
    const carriesPassword = plan.steps.filter(
      (s) => (s.kind === 'run' && s.stdin === 'password') || s.kind === 'store-credential',
    );
    expect(carriesPassword).toHaveLength(1);
  });

  it('refuses an http drive, and keeps a Windows letter and a macOS folder name sane', () => {
    expect(() => mountPlan('linux', { ...input, url: 'http://kdrive.example.com/' })).toThrow(/https/);
    expect(mountPlan('win32', { ...input, driveLetter: 'k:' }).location).toBe('K:');
    expect(mountPlan('darwin', { ...input, label: 'a/b:c' }).location).toBe('/home/anna/Volumes/a-b-c');
  });
});

describe('mount plans with hostile names (a drive named by an IT profile or a server)', () => {
  it('a label with line breaks stays one bookmark line: it cannot add a bookmark of its own', () => {
    const plan = mountPlan('linux', { ...input, label: 'Drive\nfile:///etc Evil\r\u2028x' });
    const line = plan.steps.find((step) => step.kind === 'add-line');
    expect(line?.kind === 'add-line' && line.line.split(/[\r\n]/)).toHaveLength(1);
    expect(line).toMatchObject({ line: expect.stringMatching(/ Drive file:\/\/\/etc Evil {2}x$/) });
  });

  it.each(['..', '.', '../../Library', '/', '', ' . ', '\u0000'])(
    'the macOS mount point for %j is one folder inside ~/Volumes',
    (label) => {
      const point = mountPlan('darwin', { ...input, label }).location;
      expect(point.startsWith('/home/anna/Volumes/')).toBe(true);
      const name = point.slice('/home/anna/Volumes/'.length);
      expect(name).not.toMatch(/^\.|[/\\\0]/);
      expect(name.length).toBeGreaterThan(0);
    },
  );

  it('refuses a Windows drive letter that is not one, and a user name with a line break', () => {
    for (const driveLetter of ['C:', 'ZZ', 'Z: & calc', '1', '']) {
      expect(() => mountPlan('win32', { ...input, driveLetter }), driveLetter).toThrowError(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    }
    expect(() => mountPlan('linux', { ...input, username: 'anna\nroot' })).toThrowError(
      expect.objectContaining({ code: 'UNWRITABLE_VALUE' }),
    );
  });
});
