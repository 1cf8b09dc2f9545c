import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AccountCollections, clientSetup } from '@core/targets/client-setup';
import { evolutionPlan } from '@core/targets/evolution/evolution-plan';
import { runPlanSteps } from '@core/targets/run-plan';
import { type LoadedSource, loadedByEds } from '../../support/eds-registry';
import { sampleAccount } from '../../unit/core/targets/sample-account';
import { useTempDir } from '../../support/use-temp-dir';

// The files are read back by evolution-data-server itself (its source registry, started in a private D-Bus
// session over the test's own XDG folders): what it loads is what Evolution and GNOME Calendar will show.

const home = useTempDir('ponte-eds-');

const collections: AccountCollections = {
  calendars: [
    {
      url: 'https://sync.studio-rossi.ch/calendars/AB12345/work/',
      displayName: 'Lavoro\nnuovo',
      color: '#2E7D32FF',
      components: ['VEVENT'],
      readOnly: false,
    },
  ],
  addressBooks: [
    {
      url: 'https://sync.studio-rossi.ch:8443/dav/AB12345/contacts/',
      displayName: ' Contatti',
      readOnly: false,
    },
  ],
};

describe('Evolution target, read back by evolution-data-server', () => {
  it('mail account → identity → SMTP transport, a CalDAV calendar and a CardDAV book, as EDS loads them', async () => {
    const setup = clientSetup(sampleAccount(), collections);
    const plan = evolutionPlan({ setup, sourcesDir: join(home(), '.config/evolution/sources') });
    await runPlanSteps(plan.steps);

    const loaded = await loadedByEds(home(), `ponte-${setup.key}`);
    const byPart = (part: string): LoadedSource => {
      const found = loaded.find((source) => source.uid.endsWith(part) || source.uid.includes(`-${part}-`));
      if (!found) throw new Error(`EDS did not load the ${part} source: ${JSON.stringify(loaded)}`);
      return found;
    };
    expect(loaded).toHaveLength(5);
    const mail = byPart('mail');
    expect(mail).toMatchObject({
      name: 'Studio <Rossi> & Partner',
      enabled: true,
      mailAccount: { backend: 'imapx' },
      auth: { host: 'mail.studio-rossi.ch', port: 993, user: 'anna@studio-rossi.ch' },
      security: 'ssl-on-alternate-port',
    });
    const identity = byPart('identity');
    expect(mail.mailAccount?.identity).toBe(identity.uid);
    expect(identity).toMatchObject({ parent: mail.uid, identity: { address: 'anna@studio-rossi.ch' } });
    const transport = byPart('transport');
    expect(identity.submission?.transport).toBe(transport.uid);
    expect(transport).toMatchObject({
      parent: mail.uid,
      transport: { backend: 'smtp' },
      auth: { host: 'mail.studio-rossi.ch', port: 587, user: 'anna@studio-rossi.ch' },
      security: 'starttls-on-standard-port',
    });
    const calendar = byPart('calendar');
    expect(calendar).toMatchObject({
      name: 'Lavoro\nnuovo',
      parent: 'caldav-stub',
      calendar: { backend: 'caldav', color: '#2E7D32' },
      auth: { host: 'sync.studio-rossi.ch', port: 443, user: 'AB12345' },
      uri: 'https://AB12345@sync.studio-rossi.ch/calendars/AB12345/work/',
    });
    const book = byPart('contacts');
    expect(book).toMatchObject({
      // The leading space is escaped in the file and read back; EDS itself trims display names.
      name: 'Contatti',
      parent: 'carddav-stub',
      addressBook: { backend: 'carddav' },
      uri: 'https://AB12345@sync.studio-rossi.ch:8443/dav/AB12345/contacts/',
    });
  }, 30_000);

  it('the undo removes exactly Ponte’s files, leaving the person’s own sources folder as it was', async () => {
    const setup = clientSetup(sampleAccount(), collections);
    const sourcesDir = join(home(), '.config/evolution/sources');
    const plan = evolutionPlan({ setup, sourcesDir });
    await runPlanSteps([
      { kind: 'write-file', file: join(sourcesDir, 'mine.source'), content: '[Data Source]\n' },
    ]);
    await runPlanSteps(plan.steps);
    expect(await readdir(sourcesDir)).toHaveLength(6);
    await runPlanSteps(plan.undo);
    expect(await readdir(sourcesDir)).toEqual(['mine.source']);
    expect(await loadedByEds(home(), `ponte-${setup.key}`)).toEqual([]);
  }, 30_000);
});
