import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountFacts } from '@core/accounts/account-facts';
import { type Catalog, loadCatalog } from '@core/providers/catalog';
import type { Provider } from '@core/providers/provider-schema';

// The one place that decides PEC and each password's kind and lifetime; the IPC handler, `ponte account add`
// and `ponte apply` pass only what the person or the profile said (issue 21).
let catalog: Catalog;
const provider = (id: string): Provider => {
  const found = catalog.byId(id);
  if (!found) throw new Error(`${id} missing from the catalog`);
  return found;
};
beforeAll(async () => {
  catalog = await loadCatalog(join(__dirname, '../../../../resources/providers'));
});

describe('accountFacts', () => {
  it('a PEC provider makes a PEC box with its app password’s lifetime, unless told otherwise', () => {
    expect(accountFacts(provider('aruba-pec'), [], {})).toMatchObject({
      pec: true,
      kind: 'app-password',
      lifetimeDays: 90,
    });
    expect(accountFacts(provider('aruba-pec'), [], { pec: false }).pec).toBe(false);
    expect(accountFacts(undefined, [], { pec: true }).pec).toBe(true);
    expect(accountFacts(undefined, [], {}).pec).toBe(false);
  });

  it('without two-step verification, Aruba PEC takes the mailbox password, which has no lifetime', () => {
    expect(accountFacts(provider('aruba-pec'), [], { twoStep: false })).toMatchObject({
      kind: 'mailbox-password',
      lifetimeDays: null,
    });
    expect(accountFacts(provider('aruba-pec'), [], { twoStep: true }).kind).toBe('app-password');
  });

  it('the answer changes nothing where no source names a password for that case (Gmail)', () => {
    expect(accountFacts(provider('gmail'), [], { twoStep: false }).kind).toBe('app-password');
  });

  it('explicit kind and lifetime win; a mailbox password never inherits an app password’s lifetime', () => {
    expect(accountFacts(provider('aruba-pec'), [], { lifetimeDays: 30 }).lifetimeDays).toBe(30);
    expect(accountFacts(provider('aruba-pec'), [], { lifetimeDays: null }).lifetimeDays).toBeNull();
    expect(accountFacts(provider('aruba-pec'), [], { kind: 'mailbox-password' })).toMatchObject({
      kind: 'mailbox-password',
      lifetimeDays: null,
    });
  });

  it('each further credential gets its own kind from the catalog (Infomaniak), two-step answer included', () => {
    const facts = accountFacts(provider('infomaniak'), ['sync', 'drive'], {});
    expect(facts.kind).toBe('mailbox-password');
    expect(facts.credentialFacts).toEqual({
      sync: { kind: 'app-password', lifetimeDays: null },
      drive: { kind: 'app-password', lifetimeDays: null },
    });
    const off = accountFacts(provider('infomaniak'), ['sync'], { twoStep: false });
    expect(off.credentialFacts.sync?.kind).toBe('account-password');
  });

  it('with no provider, further credentials share the main one’s kind', () => {
    const facts = accountFacts(undefined, ['extra'], { kind: 'account-password' });
    expect(facts.credentialFacts).toEqual({ extra: { kind: 'account-password', lifetimeDays: null } });
  });
});

describe('accountFacts: explicit facts for further credentials', () => {
  it('win over the catalog, as for the main one', () => {
    const facts = accountFacts(provider('infomaniak'), ['sync'], {
      credentialFacts: { sync: { kind: 'app-password', lifetimeDays: 30 } },
    });
    expect(facts.credentialFacts).toEqual({ sync: { kind: 'app-password', lifetimeDays: 30 } });
  });
});
