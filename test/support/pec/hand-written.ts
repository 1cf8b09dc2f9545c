// PEC receipts typed by hand, as they arrive, rather than built by the fixture builder: short enough for a
// fuzzer to mutate and for a reader to check line by line.

/** A delivery receipt's daticert.xml, with an escaped subject and msgid. */
export const HAND_DATICERT = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE postacert SYSTEM "Postacert.dtd">
<postacert tipo="avvenuta-consegna" errore="nessuno"><intestazione><mittente>a@pec.example.it</mittente>
<destinatari tipo="certificato">b@pec.example.it</destinatari><risposte>a@pec.example.it</risposte>
<oggetto>Prova &amp; verifica</oggetto></intestazione><dati><gestore-emittente>Gestore</gestore-emittente>
<data zona="+0100"><giorno>23/11/2026</giorno><ora>10:15:07</ora></data><identificativo>opec.1@pec.example.it</identificativo>
<msgid>&lt;m.1@pec.example.it&gt;</msgid><ricevuta tipo="completa" /><consegna>b@pec.example.it</consegna></dati></postacert>`;

/**
 * An unsigned delivery receipt around `daticert`: a text part, then daticert.xml as it is (8 bit) or, with
 * `base64`, encoded from Latin-1 the way some providers send it.
 */
export function handWrittenReceipt(daticert: string, { base64 = false } = {}): string {
  const xml = base64
    ? Buffer.from(daticert, 'latin1').toString('base64').replace(/.{76}/g, '$&\r\n')
    : daticert;
  return [
    'From: posta-certificata@pec.example.it',
    'To: a@pec.example.it',
    'Subject: CONSEGNA: Prova',
    'X-Ricevuta: avvenuta-consegna',
    'X-TipoRicevuta: completa',
    'X-Riferimento-Message-ID: <m.1@pec.example.it>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=iso-8859-1',
    '',
    'Ricevuta di avvenuta consegna',
    '--b1',
    'Content-Type: application/xml; name="daticert.xml"',
    'Content-Disposition: inline; filename="daticert.xml"',
    ...(base64 ? ['Content-Transfer-Encoding: base64'] : []),
    '',
    xml,
    '--b1--',
    '',
  ].join('\r\n');
}
