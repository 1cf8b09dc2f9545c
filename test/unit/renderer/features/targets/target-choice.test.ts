import { describe, expect, it } from 'vitest';
import type { AccountSelection } from '@shared/models';
import type { TargetAvailability } from '@shared/targets';
import {
  chosenInOrder,
  preselectedTargets,
} from '../../../../../src/renderer/src/features/targets/target-choice';

const found: TargetAvailability[] = [
  { target: 'mount', available: true, configured: false },
  { target: 'thunderbird', available: true, location: '/home/anna/.thunderbird/p', configured: false },
  { target: 'evolution', available: false, reason: 'notInstalled', configured: false },
];
const selection = (mountDrive: boolean): AccountSelection => ({
  calendars: [],
  addressBooks: [],
  mountDrive,
  setUpMail: true,
});

describe('which targets are ticked', () => {
  it('after the wizard: every program found here, and the drive only when chosen as a drive', () => {
    expect([...preselectedTargets(found, selection(true), true)]).toEqual(['mount', 'thunderbird']);
    expect([...preselectedTargets(found, selection(false), true)]).toEqual(['thunderbird']);
  });

  it('never what is missing or already set up; on the account card, nothing', () => {
    const configured = found.map((entry) =>
      entry.target === 'thunderbird' ? { ...entry, configured: true } : entry,
    );
    expect([...preselectedTargets(configured, selection(true), true)]).toEqual(['mount']);
    expect([...preselectedTargets(found, selection(true), false)]).toEqual([]);
  });

  it('sets up in the list’s order, skipping anything no longer available', () => {
    expect(chosenInOrder(found, new Set(['thunderbird', 'mount', 'evolution']))).toEqual([
      'mount',
      'thunderbird',
    ]);
  });
});
