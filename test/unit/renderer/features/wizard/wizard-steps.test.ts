import { describe, expect, it } from 'vitest';
import type { DiscoveryResult } from '@shared/discovery';
import type { ServiceResult } from '@shared/verify';
import { defaultSelection, toggled } from '../../../../../src/renderer/src/features/wizard/selection';
import {
  guideSkipReason,
  nextStep,
  previousStep,
  type WizardFacts,
} from '../../../../../src/renderer/src/features/wizard/wizard-steps';

const found = (createUrl: string | null): DiscoveryResult => ({
  email: 'anna@example.test',
  domain: 'example.test',
  provider: {
    id: 'p',
    name: 'P',
    via: 'domain',
    unsupported: false,
    lifetimeDays: null,
    createUrl,
    credentials: [],
    serversOnly: false,
    notes: [],
    placeholders: [],
  },
  candidates: { imap: [], smtp: [], caldav: [], carddav: [], webdav: [] },
  notes: [],
  durationMs: 0,
});

const facts = (change: Partial<WizardFacts>): WizardFacts => ({
  discovered: null,
  custom: false,
  allOk: false,
  ...change,
});

describe('wizard steps', () => {
  it('cannot leave the first step before an address is found or a custom server chosen', () => {
    expect(nextStep('account', facts({}))).toBeNull();
    expect(nextStep('account', facts({ custom: true }))).toBe('signin');
    expect(nextStep('account', facts({ discovered: found('https://p.example/app-passwords') }))).toBe(
      'guide',
    );
  });

  it('skips the app-password guide, and says why, where there is none', () => {
    expect(guideSkipReason(facts({ custom: true }))).toBe('custom');
    expect(guideSkipReason(facts({ discovered: found(null) }))).toBe('noAppPassword');
    expect(nextStep('account', facts({ discovered: found(null) }))).toBe('signin');
    expect(previousStep('signin', facts({ discovered: found(null) }))).toBe('account');
    expect(previousStep('signin', facts({ discovered: found('https://p.example/') }))).toBe('guide');
  });

  it('goes on from the check only when every service worked', () => {
    expect(nextStep('check', facts({ custom: true }))).toBeNull();
    expect(nextStep('check', facts({ custom: true, allOk: true }))).toBe('choose');
    expect(nextStep('choose', facts({ custom: true, allOk: true }))).toBe('save');
    expect(nextStep('save', facts({ custom: true, allOk: true }))).toBeNull();
  });
});

describe('the choose step’s defaults', () => {
  it('selects everything that was found and worked', () => {
    const results: ServiceResult[] = [
      { service: 'imap', status: 'ok', code: null, durationMs: 1, found: { capabilities: [], folders: [] } },
      {
        service: 'caldav',
        status: 'ok',
        code: null,
        durationMs: 1,
        found: {
          principalUrl: 'https://d/p/',
          homeUrl: 'https://d/h/',
          calendars: [
            { url: 'https://d/h/work/', displayName: 'Work', components: [], readOnly: false },
            { url: 'https://d/h/home/', displayName: 'Home', components: [], readOnly: true },
          ],
        },
      },
      { service: 'webdav', status: 'failed', code: 'AUTH_FAILED', durationMs: 1 },
    ];
    expect(defaultSelection(results)).toEqual({
      calendars: ['https://d/h/work/', 'https://d/h/home/'],
      addressBooks: [],
      mountDrive: false,
      setUpMail: true,
    });
  });

  it('toggles one URL without duplicates', () => {
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
  });
});
