import { readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '@core/providers/catalog';
import { providerSchema } from '@core/providers/provider-schema';
import { providerJsonSchema } from '@core/providers/write-json-schema';

const dir = join(__dirname, '../../../../resources/providers');
const files = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'provider.schema.json');

describe('the provider catalog in resources/providers', () => {
  it('loads: every file passes the schema and is named after its id', async () => {
    const catalog = await loadCatalog(dir);
    expect(catalog.providers.length).toBeGreaterThan(0);
  });

  it.each(files)('%s is valid on its own', async (file) => {
    const parsed = providerSchema.safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('no two providers claim the same e-mail domain', async () => {
    const catalog = await loadCatalog(dir);
    const domains = catalog.providers.flatMap((p) => p.domains);
    expect(domains.filter((d, i) => domains.indexOf(d) !== i)).toEqual([]);
  });

  it('no two providers claim the same MX pattern', async () => {
    const catalog = await loadCatalog(dir);
    const patterns = catalog.providers.flatMap((p) => p.mxPatterns);
    expect(patterns.filter((d, i) => patterns.indexOf(d) !== i)).toEqual([]);
  });

  it('every source, sign-up page and domain list is an https URL', async () => {
    const urls: string[] = [];
    const collect = (value: unknown, key: string): void => {
      if (typeof value === 'string' && /^(source|createUrl|domainsSource)$/.test(key)) urls.push(value);
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) collect(v, Array.isArray(value) ? key : k);
    };
    for (const file of files) collect(JSON.parse(await readFile(join(dir, file), 'utf8')), '');
    expect(urls.length).toBeGreaterThan(files.length);
    expect(urls.filter((url) => !/^https:\/\/[a-z0-9.-]+(\/|$)/i.test(url))).toEqual([]);
  });

  it('publishes a JSON Schema that matches the code (run `npm run catalog:schema` after changing it)', async () => {
    const published = await readFile(join(dir, 'provider.schema.json'), 'utf8');
    expect(JSON.parse(published)).toEqual(JSON.parse(providerJsonSchema()));
    expect((await readdir(dir)).includes('provider.schema.json')).toBe(true);
  });
});
