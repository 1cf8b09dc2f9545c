import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '@shared/i18n/languages';
import type { Settings } from '@shared/models';
import { readVersionedFile, writeVersionedFile, type VersionedFile } from '../storage/versioned-file';

const settingsSchema = z.object({ language: z.enum(['auto', ...LANGUAGES]) });

export class SettingsStore {
  private readonly file: VersionedFile<Settings>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = {
      path: join(dataDir, 'settings.json'),
      label: 'settings',
      version: 1,
      schema: settingsSchema,
      defaults: () => ({ language: 'auto' }),
    };
  }

  read(): Promise<Settings> {
    return readVersionedFile(this.file);
  }

  /** Updates run one after another so two quick changes cannot lose each other. */
  update(changes: Partial<Settings>): Promise<Settings> {
    const run = this.queue.then(async () => {
      const next = { ...(await this.read()) };
      if (changes.language !== undefined) next.language = changes.language;
      await writeVersionedFile(this.file, next);
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
