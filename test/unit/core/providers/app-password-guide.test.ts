import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appPasswordGuide } from '@core/providers/app-password-guide';
import { type Catalog, loadCatalog } from '@core/providers/catalog';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(join(__dirname, '../../../../resources/providers'));
});

describe('appPasswordGuide', () => {
  it('gives the provider’s steps and tips in the asked language', () => {
    const italian = appPasswordGuide(catalog, 'aruba-pec', 'it');
    const german = appPasswordGuide(catalog, 'aruba-pec', 'de');
    expect(italian).toMatchObject({
      provider: 'Aruba PEC',
      required: 'with-2fa',
      lifetimeDays: 90,
      shownOnce: true,
    });
    expect(italian?.steps[0]).toMatch(/Gestione account PEC/);
    expect(german?.steps).not.toEqual(italian?.steps);
    expect(italian?.tips.length).toBeGreaterThan(0);
  });

  it('is null for a provider without app passwords, and refuses an unknown id', () => {
    expect(appPasswordGuide(catalog, 'posteo', 'en')).toBeNull();
    expect(() => appPasswordGuide(catalog, 'no-such-provider', 'en')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('every provider with app passwords has a guide in all four languages', () => {
    for (const provider of catalog.providers.filter((p) => p.appPassword)) {
      for (const language of ['it', 'fr', 'de', 'en'] as const) {
        expect(
          appPasswordGuide(catalog, provider.id, language)?.steps.length,
          `${provider.id} ${language}`,
        ).toBeGreaterThan(0);
      }
    }
  });
});
