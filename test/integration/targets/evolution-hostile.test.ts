import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientSetup } from '@core/targets/client-setup';
import { evolutionPlan } from '@core/targets/evolution/evolution-plan';
import { runPlanSteps } from '@core/targets/run-plan';
import { shownName } from '@core/targets/written-text';
import type { Account } from '@core/accounts/account-schema';
import { loadedByEds } from '../../support/eds-registry';
import { fuzzSeed, hostileString, NAMED_HOSTILE } from '../../support/hostile-strings';
import { sampleAccount } from '../../unit/core/targets/sample-account';
import { useTempDir } from '../../support/use-temp-dir';

// Hostile names from a server (calendars, address books) and in the account, through Ponte's Evolution
// sources and evolution-data-server's own registry: every source loads, each with exactly its own name, and
// no source appears that Ponte did not mean to write.

const home = useTempDir('ponte-eds-hostile-');

const base = 'https://sync.studio-rossi.ch/calendars/AB12345/';

describe('Evolution sources with hostile names, read back by evolution-data-server', () => {
  it('loads every calendar and book with its own name (as EDS shows names: trimmed), and nothing else', async () => {
    const names = [...NAMED_HOSTILE, ...fc.sample(hostileString, { seed: fuzzSeed(), numRuns: 30 })];
    const account: Account = { ...sampleAccount(), displayName: names[2] ?? '' };
    const setup = clientSetup(account, {
      calendars: names.map((name, index) => ({
        url: `${base}c${index}/`,
        displayName: name,
        components: ['VEVENT'],
        readOnly: false,
      })),
      addressBooks: names.map((name, index) => ({
        url: `${base}b${index}/`,
        displayName: name,
        readOnly: false,
      })),
    });
    const plan = evolutionPlan({ setup, sourcesDir: join(home(), '.config/evolution/sources') });
    await runPlanSteps(plan.steps);
    const loaded = await loadedByEds(home(), `ponte-${setup.key}`);
    expect(loaded).toHaveLength(3 + 2 * names.length);
    const shown = (name: string, fallback: string): string => shownName(name, fallback).value.trim();
    const byUrl = new Map(
      loaded.map((source) => [source.uri?.replace('AB12345@', '') ?? source.uid, source]),
    );
    names.forEach((name, index) => {
      expect(byUrl.get(`${base}c${index}/`)?.name, JSON.stringify(name)).toBe(shown(name, `c${index}`));
      expect(byUrl.get(`${base}b${index}/`)?.name, JSON.stringify(name)).toBe(shown(name, `b${index}`));
    });
    expect(loaded.find((source) => source.uid.endsWith('-mail'))?.name).toBe(
      shown(account.displayName, account.email),
    );
  }, 60_000);
});
