import { beforeAll, describe, expect, it } from 'vitest';
import { inspectPecMessage } from '@core/pec/inspect-pec';
import type { PecInspection, PecKind } from '@shared/pec';
import { pecMessage, type PecEvent } from '../../../support/pec/pec-fixtures';
import { createPecSigner, type PecSigner } from '../../../support/pec/pec-message';
import { HAND_DATICERT, handWrittenReceipt } from '../../../support/pec/hand-written';
import { useTempDir } from '../../../support/use-temp-dir';

// Fixtures are built from the technical rules' formats (test/support/pec), signed by a throwaway certificate
// with openssl, as a provider's would be; the hand-written ones at the end do not go through that builder.

const dir = useTempDir('ponte-pec-', 'all');
let signer: PecSigner;
beforeAll(async () => {
  signer = await createPecSigner(dir());
});

const original = [
  'From: segreteria@pec.studio.test',
  'To: ufficio@pec.cliente.test',
  'Subject: Fattura 12/2026',
  'Message-ID: <orig.1@pec.studio.test>',
  '',
  'In allegato la fattura.',
  '',
].join('\r\n');

const event = (kind: PecKind, extra: Partial<PecEvent> = {}): PecEvent => ({
  kind,
  sender: 'segreteria@pec.studio.test',
  recipients: [{ address: 'ufficio@pec.cliente.test', tipo: 'certificato' }],
  subject: 'Fattura 12/2026',
  msgid: '<orig.1@pec.studio.test>',
  gestore: 'Gestore di prova PEC S.p.A.',
  domain: 'pec.gestore.test',
  at: new Date('2026-11-23T09:15:07Z'),
  signer,
  ...extra,
});

const inspect = async (e: PecEvent): Promise<PecInspection> =>
  inspectPecMessage(Buffer.from(await pecMessage(e)));

function valid(result: PecInspection): Extract<PecInspection, { valid: true }> {
  if (!result.valid) throw new Error(`expected a valid PEC message, got: ${result.reason}`);
  return result;
}

describe('receipts and notices, by X-Ricevuta', () => {
  it("accettazione: the sender's provider took the message, with every daticert field", async () => {
    const result = valid(await inspect(event('accettazione')));
    expect(result).toMatchObject({
      kind: 'accettazione',
      virus: false,
      subject: 'ACCETTAZIONE: Fattura 12/2026',
      refersTo: '<orig.1@pec.studio.test>',
      carriesOriginal: false,
      warnings: [],
      signature: { present: true, signer: 'C=IT, O=Ponte test PEC, CN=posta-certificata@pec.ponte.test' },
    });
    expect(result.certData).toEqual({
      type: 'accettazione',
      error: 'nessuno',
      sender: 'segreteria@pec.studio.test',
      recipients: [{ address: 'ufficio@pec.cliente.test', type: 'certificato' }],
      replyTo: 'segreteria@pec.studio.test',
      subject: 'Fattura 12/2026',
      issuer: 'Gestore di prova PEC S.p.A.',
      at: '2026-11-23T10:15:07+01:00',
      id: `opec.${new Date('2026-11-23T09:15:07Z').getTime().toString(36)}@pec.gestore.test`,
      msgid: '<orig.1@pec.studio.test>',
    });
  });

  it('avvenuta-consegna (completa): delivered to which box, carrying the original', async () => {
    const result = valid(
      await inspect(event('avvenuta-consegna', { deliveredTo: 'ufficio@pec.cliente.test', original })),
    );
    expect(result.kind).toBe('avvenuta-consegna');
    expect(result.carriesOriginal).toBe(true);
    expect(result.certData).toMatchObject({
      receiptType: 'completa',
      deliveredTo: 'ufficio@pec.cliente.test',
    });
  });

  it.each(['breve', 'sintetica'] as const)('avvenuta-consegna %s', async (receiptType) => {
    const result = valid(
      await inspect(
        event('avvenuta-consegna', {
          deliveredTo: 'ufficio@pec.cliente.test',
          daticert: { ricevuta: receiptType },
        }),
      ),
    );
    expect(result.certData?.receiptType).toBe(receiptType);
  });

  it('non-accettazione, and the virus variant', async () => {
    const plain = valid(
      await inspect(event('non-accettazione', { errore: 'altro', erroreEsteso: 'Mittente non valido' })),
    );
    expect(plain).toMatchObject({ kind: 'non-accettazione', virus: false });
    expect(plain.certData).toMatchObject({ error: 'altro', errorDetail: 'Mittente non valido' });
    const virus = valid(await inspect(event('non-accettazione', { errore: 'virus' })));
    expect(virus).toMatchObject({
      kind: 'non-accettazione',
      virus: true,
      subject: expect.stringMatching(/PER VIRUS/),
    });
  });

  it('errore-consegna: no-dest, virus, and Aruba\'s errore="altro" for a box that does not exist', async () => {
    const noDest = valid(
      await inspect(event('errore-consegna', { errore: 'no-dest', deliveredTo: 'ufficio@pec.cliente.test' })),
    );
    expect(noDest.certData?.error).toBe('no-dest');
    const virus = valid(
      await inspect(event('errore-consegna', { errore: 'virus', deliveredTo: 'ufficio@pec.cliente.test' })),
    );
    expect(virus.virus).toBe(true);
    const aruba = valid(
      await inspect(
        event('errore-consegna', {
          errore: 'altro',
          deliveredTo: 'nessuno@pec.cliente.test',
          erroreEsteso: '5.1.1 - ARUBA PEC S.p.A. - indirizzo non valido',
        }),
      ),
    );
    expect(aruba.certData).toMatchObject({
      error: 'altro',
      errorDetail: '5.1.1 - ARUBA PEC S.p.A. - indirizzo non valido',
    });
  });

  it.each([
    ['presa-in-carico', {}],
    ['preavviso-errore-consegna', { errore: 'altro', deliveredTo: 'ufficio@pec.cliente.test' }],
    ['rilevazione-virus', { errore: 'virus' }],
  ] as const)('%s', async (kind, extra) => {
    const result = valid(await inspect(event(kind, extra)));
    expect(result.kind).toBe(kind);
    expect(result.virus).toBe(kind === 'rilevazione-virus');
  });
});

describe('envelopes, by X-Trasporto', () => {
  it('posta-certificata: the transport envelope with the original inside', async () => {
    const result = valid(await inspect(event('posta-certificata', { original })));
    expect(result).toMatchObject({ kind: 'posta-certificata', carriesOriginal: true });
    expect(result.certData?.type).toBe('posta-certificata');
  });

  it('anomalia: certifies nothing, still recognised', async () => {
    const result = valid(await inspect(event('anomalia', { original })));
    expect(result).toMatchObject({ kind: 'anomalia', carriesOriginal: true });
    expect(result.certData).toBeUndefined();
  });

  it('an envelope that also carries X-Riferimento-Message-ID is still an envelope', async () => {
    const result = valid(await inspect(event('posta-certificata', { original })));
    expect(result.refersTo).toBe('<orig.1@pec.studio.test>');
    expect(result.kind).toBe('posta-certificata');
  });
});

describe('every kind, with postacert.eml and daticert.xml attached or inline', () => {
  // Providers send the certified original as an inline message/rfc822 part as often as an attachment;
  // mailparser folds an inline one into the text, so the MIME tree itself is asked.
  const kinds: [PecKind, Partial<PecEvent>][] = [
    ['accettazione', {}],
    ['non-accettazione', { errore: 'altro' }],
    ['presa-in-carico', {}],
    ['avvenuta-consegna', { deliveredTo: 'ufficio@pec.cliente.test', original }],
    ['errore-consegna', { errore: 'no-dest' }],
    ['preavviso-errore-consegna', { errore: 'altro', deliveredTo: 'ufficio@pec.cliente.test' }],
    ['rilevazione-virus', { errore: 'virus' }],
    ['posta-certificata', { original }],
    ['anomalia', { original }],
  ];
  it.each(
    kinds.flatMap(([kind, extra]) =>
      (['attachment', 'inline'] as const).map((how) => [kind, how, extra] as const),
    ),
  )('%s, %s', async (kind, disposition, extra) => {
    const result = valid(await inspect(event(kind, { ...extra, disposition })));
    expect(result.kind).toBe(kind);
    expect(result.carriesOriginal).toBe(extra.original !== undefined);
  });
});

describe('real-world variants', () => {
  it("a DOCTYPE line naming the provider's DTD is skipped, not fetched", async () => {
    const result = valid(await inspect(event('accettazione', { daticert: { doctype: true } })));
    expect(result.certData?.issuer).toBe('Gestore di prova PEC S.p.A.');
  });

  it('no msgid: valid, with a warning', async () => {
    const result = valid(await inspect(event('accettazione', { msgid: undefined })));
    expect(result.certData?.msgid).toBeUndefined();
    expect(result.warnings).toEqual(['no-msgid']);
  });

  it('several destinatari, certified and external', async () => {
    const recipients = [
      { address: 'ufficio@pec.cliente.test', tipo: 'certificato' as const },
      { address: 'amministrazione@pec.cliente.test', tipo: 'certificato' as const },
      { address: 'mario.rossi@example.org', tipo: 'esterno' as const },
    ];
    const result = valid(await inspect(event('accettazione', { recipients })));
    expect(result.certData?.recipients).toEqual(
      recipients.map((r) => ({ address: r.address, type: r.tipo })),
    );
  });

  it('XML escapes in values are read as the characters they stand for', async () => {
    const result = valid(await inspect(event('accettazione', { subject: 'Preventivo "A&B" <urgente>' })));
    expect(result.certData?.subject).toBe('Preventivo "A&B" <urgente>');
    expect(result.certData?.msgid).toBe('<orig.1@pec.studio.test>');
  });

  it('the zone is kept as the provider stated it', async () => {
    const result = valid(await inspect(event('accettazione', { daticert: { zona: '+0200' } })));
    expect(result.certData?.at).toBe('2026-11-23T11:15:07+02:00');
  });

  it('an unsigned receipt is recognised, with a warning', async () => {
    const result = valid(await inspect(event('accettazione', { signer: undefined })));
    expect(result.signature).toEqual({ present: false });
    expect(result.warnings).toContain('unsigned');
  });

  it('the subject line is never used: a lying subject does not change the type', async () => {
    const result = valid(
      await inspect(event('accettazione', { headers: [['Subject', 'CONSEGNA: Fattura 12/2026']] })),
    );
    expect(result.kind).toBe('accettazione');
  });
});

describe('not a valid PEC message, never a false "delivered"', () => {
  const problemOf = async (e: PecEvent): Promise<string> => {
    const result = await inspect(e);
    if (result.valid) throw new Error(`expected invalid, got ${result.kind}`);
    return result.problem;
  };
  const delivered = (extra: Partial<PecEvent>): PecEvent =>
    event('avvenuta-consegna', { deliveredTo: 'ufficio@pec.cliente.test', ...extra });

  it('ordinary mail whose subject looks like a receipt', async () => {
    const raw = 'From: a@b.test\r\nTo: c@d.test\r\nSubject: CONSEGNA: Fattura\r\n\r\nconsegnata!\r\n';
    expect(await inspectPecMessage(Buffer.from(raw))).toMatchObject({ valid: false, problem: 'not-pec' });
  });

  it('bytes that are no mail at all', async () => {
    const result = await inspectPecMessage(Buffer.from([0, 1, 2, 255, 254, 0, 10, 10]));
    expect(result.valid).toBe(false);
  });

  it('an unknown X-Ricevuta value', async () => {
    expect(await problemOf(delivered({ headers: [['X-Ricevuta', 'consegnata-davvero']] }))).toBe(
      'unknown-kind',
    );
  });

  it('a delivery receipt without daticert.xml', async () => {
    expect(await problemOf(delivered({ daticert: null }))).toBe('no-daticert');
  });

  it('a header that disagrees with daticert.xml', async () => {
    expect(await problemOf(delivered({ daticert: { tipo: 'accettazione' } }))).toBe('type-mismatch');
  });

  it('"delivered" with an error, or without saying where', async () => {
    expect(await problemOf(delivered({ errore: 'no-dest' }))).toBe('contradiction');
    expect(await problemOf(event('avvenuta-consegna'))).toBe('contradiction');
  });

  it.each([
    ['no mittente', { mittente: '' }],
    ['no gestore-emittente', { gestore: '' }],
    ['a date that does not exist', { at: new Date('2026-02-28T12:00:00Z'), zona: '+2500' }],
    ['an unknown errore', { errore: 'forse' }],
    ['an unknown ricevuta tipo', { ricevuta: 'lunga' as 'breve' }],
  ])('broken daticert.xml: %s', async (_name, daticert) => {
    expect(await problemOf(delivered({ daticert }))).toBe('bad-daticert');
  });

  it('a transport envelope without the certified message', async () => {
    expect(await problemOf(event('posta-certificata'))).toBe('no-original');
  });
});

const handWrittenBase64 = (daticert: string): Buffer =>
  Buffer.from(handWrittenReceipt(daticert, { base64: true }));

describe('hand-written receipts', () => {
  it('a part with an empty Content-Type header (found by fuzzing) does not break the reading', async () => {
    // The fuzzer's counterexample, as it was: the text part's Content-Type is empty, its value pushed into the body.
    const raw = [
      'From: posta-certificata@pec.example.it',
      'To: a@pec.example.it',
      'Subject: CONSEGNA: Prova',
      'X-Ricevuta: avvenuta-consegna',
      'X-Riferimento-Message-ID: <m.1@pec.example.it>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type:',
      '',
      ' text/plain',
      '',
      'Ricevuta di avvenuta consegna',
      '--b1',
      'Content-Type: application/xml; name="daticert.xml"',
      'Content-Disposition: inline; filename="daticert.xml"',
      '',
      HAND_DATICERT,
      '--b1--',
      '',
    ].join('\r\n');
    const result = await inspectPecMessage(Buffer.from(raw));
    expect(result).toMatchObject({ valid: true, kind: 'avvenuta-consegna', carriesOriginal: false });
  });

  it('Latin-1 daticert.xml with a PUBLIC DOCTYPE and escaped msgid', async () => {
    const result = valid(
      await inspectPecMessage(
        handWrittenBase64(
          `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE postacert PUBLIC "posta certificata" "https://www.gestore.test/dtd/postacert.dtd">
<postacert tipo="avvenuta-consegna" errore="nessuno">
<intestazione><mittente>segreteria@pec.studio.test</mittente>
<destinatari tipo="certificato">comune@pec.citt\u00e0.test</destinatari>
<risposte>segreteria@pec.studio.test</risposte><oggetto>Verbale n\u00b0 7 - Citt\u00e0</oggetto></intestazione>
<dati><gestore-emittente>Gestore di prova</gestore-emittente>
<data zona="+0100"><giorno>02/01/2026</giorno><ora>08:00:59</ora></data>
<identificativo>opec210.20260102080059.1@pec.gestore.test</identificativo>
<msgid>&lt;verbale.7@pec.studio.test&gt;</msgid>
<ricevuta tipo="completa" /><consegna>comune@pec.citt\u00e0.test</consegna></dati></postacert>`,
        ),
      ),
    );
    expect(result.certData).toMatchObject({
      subject: 'Verbale n\u00b0 7 - Citt\u00e0',
      at: '2026-01-02T08:00:59+01:00',
      msgid: '<verbale.7@pec.studio.test>',
      deliveredTo: 'comune@pec.citt\u00e0.test',
    });
    expect(result.warnings).toEqual(['unsigned']);
  });

  it.each([
    [
      'an internal entity (billion laughs)',
      '<!DOCTYPE postacert [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><postacert tipo="avvenuta-consegna" errore="nessuno"><intestazione><mittente>&b;</mittente></intestazione></postacert>',
    ],
    [
      'an external entity',
      '<!DOCTYPE postacert [<!ENTITY x SYSTEM "file:///etc/passwd">]><postacert tipo="avvenuta-consegna" errore="nessuno"><intestazione><mittente>&x;</mittente></intestazione></postacert>',
    ],
    ['malformed XML', '<postacert tipo="avvenuta-consegna" errore="nessuno"><intestazione>'],
  ])('refused: %s', async (_name, daticert) => {
    const result = await inspectPecMessage(handWrittenBase64(daticert));
    expect(result).toMatchObject({ valid: false, problem: 'bad-daticert' });
  });
});
