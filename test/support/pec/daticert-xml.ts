// daticert.xml as PEC providers write it (DPCM 2 Nov 2005 technical rules, the schema's element names), built
// from fields so a test states the variant it exercises. Test support only: Ponte never writes one.

export interface DaticertFields {
  tipo: string;
  errore?: string;
  mittente: string;
  destinatari: { address: string; tipo: 'certificato' | 'esterno' }[];
  risposte: string;
  oggetto?: string;
  gestore: string;
  at: Date;
  /** The zone the provider states, e.g. +0100; the time is written in it. */
  zona?: string;
  identificativo?: string;
  msgid?: string;
  ricevuta?: 'completa' | 'breve' | 'sintetica';
  consegna?: string;
  erroreEsteso?: string;
  /** Real providers put a DOCTYPE line naming their DTD on the web. */
  doctype?: boolean;
}

const escapeXml = (value: string): string =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const two = (value: number): string => String(value).padStart(2, '0');

/** dd/MM/yyyy and HH:mm:ss of an instant seen from a ±hhmm zone. */
export function dayAndTime(at: Date, zona: string): { giorno: string; ora: string } {
  const sign = zona.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(zona.slice(1, 3)) * 60 + Number(zona.slice(3, 5)));
  const local = new Date(at.getTime() + minutes * 60_000);
  return {
    giorno: `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`,
    ora: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`,
  };
}

export function daticertXml(fields: DaticertFields): string {
  const zona = fields.zona ?? '+0100';
  const { giorno, ora } = dayAndTime(fields.at, zona);
  const optional = (tag: string, value: string | undefined): string[] =>
    value === undefined ? [] : [`    <${tag}>${escapeXml(value)}</${tag}>`];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...(fields.doctype ? ['<!DOCTYPE postacert SYSTEM "Postacert.dtd">'] : []),
    `<postacert tipo="${fields.tipo}" errore="${fields.errore ?? 'nessuno'}">`,
    '  <intestazione>',
    `    <mittente>${escapeXml(fields.mittente)}</mittente>`,
    ...fields.destinatari.map(
      (d) => `    <destinatari tipo="${d.tipo}">${escapeXml(d.address)}</destinatari>`,
    ),
    `    <risposte>${escapeXml(fields.risposte)}</risposte>`,
    ...optional('oggetto', fields.oggetto),
    '  </intestazione>',
    '  <dati>',
    `    <gestore-emittente>${escapeXml(fields.gestore)}</gestore-emittente>`,
    `    <data zona="${zona}">`,
    `      <giorno>${giorno}</giorno>`,
    `      <ora>${ora}</ora>`,
    '    </data>',
    ...optional('identificativo', fields.identificativo),
    ...optional('msgid', fields.msgid),
    ...(fields.ricevuta ? [`    <ricevuta tipo="${fields.ricevuta}" />`] : []),
    ...optional('consegna', fields.consegna),
    ...optional('errore-esteso', fields.erroreEsteso),
    '  </dati>',
    '</postacert>',
    '',
  ].join('\n');
}
