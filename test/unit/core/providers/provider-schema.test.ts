import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { providerSchema } from '@core/providers/provider-schema';

const base = JSON.parse(
  readFileSync(join(__dirname, '../../../../resources/providers/mailbox-org.json'), 'utf8'),
) as Record<string, unknown>;

function problems(change: Record<string, unknown>): string[] {
  const parsed = providerSchema.safeParse({ ...structuredClone(base), ...change });
  return (parsed.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('provider schema: every fact is sourced', () => {
  it('accepts the unchanged file', () => {
    expect(problems({})).toEqual([]);
  });

  it('rejects a plain-http source', () => {
    const appPassword = { ...(base.appPassword as object), source: 'http://posteo.de/hilfe' };
    expect(problems({ appPassword })).toContain('appPassword.source');
  });

  it('rejects domains without a source for them', () => {
    expect(problems({ domainsSource: undefined })).toContain('domainsSource');
  });

  it('accepts no domains and no source (a provider reached only by choosing it)', () => {
    expect(problems({ domains: [], mxPatterns: [], domainsSource: undefined })).toEqual([]);
  });

  it('needs at least one country, in ISO form', () => {
    expect(problems({ countries: [] })).toContain('countries');
    expect(problems({ countries: ['DE'] })).toContain('countries.0');
    expect(problems({ countries: ['world'] })).toEqual([]);
  });

  it('a servers-only provider may not carry app-password facts', () => {
    expect(problems({ serversOnly: true })).toContain('serversOnly');
  });
});
