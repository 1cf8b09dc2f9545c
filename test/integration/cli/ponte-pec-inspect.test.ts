import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pecMessage, type PecEvent } from '../../support/pec/pec-fixtures';
import { createPecSigner, type PecSigner } from '../../support/pec/pec-message';
import { ponteWith } from '../../support/run-ponte';
import { useTempDir } from '../../support/use-temp-dir';

const dir = useTempDir('ponte-pec-cli-', 'all');
const ponte = ponteWith(() => ({ dataDir: join(dir(), 'data') }));
let signer: PecSigner;
beforeAll(async () => {
  signer = await createPecSigner(dir());
});

const delivered = (): PecEvent => ({
  kind: 'avvenuta-consegna',
  sender: 'segreteria@pec.studio.test',
  recipients: [
    { address: 'ufficio@pec.cliente.test', tipo: 'certificato' },
    { address: 'mario@example.org', tipo: 'esterno' },
  ],
  subject: 'Fattura 12/2026',
  msgid: '<orig.1@pec.studio.test>',
  gestore: 'Gestore di prova PEC S.p.A.',
  domain: 'pec.gestore.test',
  at: new Date('2026-11-23T09:15:07Z'),
  deliveredTo: 'ufficio@pec.cliente.test',
  signer,
});

async function saved(name: string, content: string): Promise<string> {
  const file = join(dir(), name);
  await writeFile(file, content);
  return file;
}

describe('ponte pec inspect', () => {
  it("a delivery receipt: exit 0, every certified field, in the person's language", async () => {
    const file = await saved('consegna.eml', await pecMessage(delivered()));
    const english = await ponte(['pec', 'inspect', file]);
    expect(english.code).toBe(0);
    expect(english.stdout).toContain('A valid PEC message: Delivery receipt (avvenuta consegna)');
    expect(english.stdout).toContain('Delivered to: ufficio@pec.cliente.test');
    expect(english.stdout).toContain('Certified at: 2026-11-23 10:15:07 +01:00');
    expect(english.stdout).toContain('Recipient: mario@example.org (ordinary mail)');
    expect(english.stdout).toContain('Issued by: Gestore di prova PEC S.p.A.');
    expect(english.stdout).toContain(
      'Signature: C=IT, O=Ponte test PEC, CN=posta-certificata@pec.ponte.test',
    );

    const italian = await ponte(['pec', 'inspect', file, '--lang', 'it']);
    expect(italian.stdout).toContain('Messaggio PEC valido: Ricevuta di avvenuta consegna');
    expect(italian.stdout).toContain('Consegnato a: ufficio@pec.cliente.test');
  });

  it('--json carries the classification and the certification data', async () => {
    const file = await saved('consegna-json.eml', await pecMessage(delivered()));
    const run = await ponte(['pec', 'inspect', file, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      valid: true,
      kind: 'avvenuta-consegna',
      refersTo: '<orig.1@pec.studio.test>',
      certData: { deliveredTo: 'ufficio@pec.cliente.test', receiptType: 'completa', error: 'nessuno' },
    });
  });

  it('a non-delivery notice says why', async () => {
    const file = await saved(
      'mancata.eml',
      await pecMessage({
        ...delivered(),
        kind: 'errore-consegna',
        errore: 'altro',
        deliveredTo: 'nessuno@pec.cliente.test',
        erroreEsteso: '5.1.1 - indirizzo non valido',
      }),
    );
    const run = await ponte(['pec', 'inspect', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Non-delivery notice (mancata consegna)');
    expect(run.stdout).toContain("Error: other (see the provider's detail)");
    expect(run.stdout).toContain("Provider's detail: 5.1.1 - indirizzo non valido");
  });

  it('ordinary mail, or a damaged receipt: exit 1 with what is wrong', async () => {
    const ordinary = await saved('ordinaria.eml', 'From: a@b.test\r\nSubject: CONSEGNA: x\r\n\r\nhello\r\n');
    const plain = await ponte(['pec', 'inspect', ordinary]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('Not a valid PEC message: it is ordinary e-mail, with no PEC headers');

    const damaged = await saved(
      'rotta.eml',
      await pecMessage({ ...delivered(), daticert: { tipo: 'accettazione' } }),
    );
    const broken = await ponte(['pec', 'inspect', damaged, '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ valid: false, problem: 'type-mismatch' });
  });

  it('no file, or one that cannot be read: usage error, exit 2', async () => {
    expect((await ponte(['pec', 'inspect'])).code).toBe(2);
    const missing = await ponte(['pec', 'inspect', join(dir(), 'nope.eml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
  });
});
