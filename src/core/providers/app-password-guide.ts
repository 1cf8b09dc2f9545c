import type { AppPasswordGuide } from '@shared/models';
import type { Language } from '@shared/i18n/languages';
import { PonteError } from '../errors/ponte-error';
import type { Catalog } from './catalog';

/** A provider's app-password steps and tips in the person's language; null when it has no app passwords. */
export function appPasswordGuide(catalog: Catalog, id: string, language: Language): AppPasswordGuide | null {
  const provider = catalog.byId(id);
  if (!provider) throw new PonteError('INVALID_INPUT', `No provider "${id}" in the catalog.`);
  const facts = provider.appPassword;
  if (!facts) return null;
  return {
    providerId: provider.id,
    provider: provider.name,
    required: facts.required,
    createUrl: facts.createUrl,
    lifetimeDays: facts.lifetimeDays,
    shownOnce: facts.shownOnce,
    steps: facts.steps[language],
    tips: facts.tips?.[language] ?? [],
    confirmed: facts.confirmed,
  };
}
