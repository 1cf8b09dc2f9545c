import { XMLParser } from 'fast-xml-parser';
import { PEC_ERRORS, type PecCertData, type PecError, type PecRecipient } from '@shared/pec';

export type DaticertParse = { ok: true; data: PecCertData } | { ok: false; reason: string };

const receiptTypes = ['completa', 'breve', 'sintetica'] as const;

// Providers name their DTD on the web (`<!DOCTYPE postacert PUBLIC "…" "https://…/postacert.dtd">`). That
// line is dropped unread; a DTD with an internal subset (where entities would be declared) is refused.
const externalDoctype = /<!DOCTYPE\s+postacert\b[^>[]*>/i;

/** The bytes as text: UTF-8 unless the XML declaration names Latin-1. */
function decode(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const encoding = /encoding\s*=\s*["']([A-Za-z0-9_-]+)["']/.exec(head)?.[1]?.toLowerCase();
  const latin = encoding === 'iso-8859-1' || encoding === 'latin1' || encoding === 'windows-1252';
  return new TextDecoder(latin ? 'latin1' : 'utf-8').decode(bytes);
}

const MAX_DATICERT_BYTES = 64 * 1024;

type Node = Record<string, unknown>;
const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const textOf = (value: unknown): string | undefined => {
  const raw = typeof value === 'object' && value !== null ? (value as Node)['#text'] : value;
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined;
  return text === '' ? undefined : text;
};
const attribute = (value: unknown, name: string): string | undefined =>
  typeof value === 'object' && value !== null ? textOf((value as Node)[`@${name}`]) : undefined;

/** giorno dd/MM/yyyy + ora HH:mm:ss + zona ±hhmm → ISO 8601 in that zone, or undefined when no such instant. */
export function certifiedInstant(giorno: string, ora: string, zona: string): string | undefined {
  const day = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(giorno);
  const time = /^(\d{2}):(\d{2}):(\d{2})$/.exec(ora);
  const zone = /^([+-])(\d{2})(\d{2})$/.exec(zona);
  if (!day || !time || !zone) return undefined;
  const [d, m, y] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const [hours, minutes, seconds] = [Number(time[1]), Number(time[2]), Number(time[3])];
  // Date would roll 31/02 over to March; a certified date must exist as written.
  const check = new Date(Date.UTC(y, m - 1, d));
  const exists = check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
  if (!exists || hours > 23 || minutes > 59 || seconds > 59 || Number(zone[2]) > 14 || Number(zone[3]) > 59) {
    return undefined;
  }
  return `${day[3]}-${day[2]}-${day[1]}T${ora}${zone[1]}${zone[2]}:${zone[3]}`;
}

/**
 * daticert.xml → the certification data. No DTD is read and no entity but XML's five is expanded; the
 * fields a provider must always write (mittente, destinatari with their type, risposte, gestore-emittente,
 * the dated instant, tipo and errore) make it invalid when missing, the others are optional.
 */
export function parseDaticert(bytes: Uint8Array): DaticertParse {
  // Real ones are a few kilobytes; anything this big is not certification data, and parsing it costs seconds.
  if (bytes.length > MAX_DATICERT_BYTES)
    return { ok: false, reason: `daticert.xml of ${bytes.length} bytes; refused` };
  const xml = decode(bytes)
    .replace(/^\uFEFF/, '')
    .replace(externalDoctype, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, reason: 'daticert.xml declares a DTD; refused' };
  let document: Node;
  try {
    document = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: true,
      htmlEntities: false,
    }).parse(xml, true) as Node;
  } catch (error) {
    return { ok: false, reason: `malformed daticert.xml (${(error as Error).message.split('\n')[0] ?? ''})` };
  }
  const root = document.postacert;
  if (typeof root !== 'object' || root === null)
    return { ok: false, reason: 'daticert.xml has no postacert root' };
  const head = ((root as Node).intestazione ?? {}) as Node;
  const data = ((root as Node).dati ?? {}) as Node;
  const missing = (what: string): DaticertParse => ({ ok: false, reason: `daticert.xml has no ${what}` });

  const type = attribute(root, 'tipo');
  if (!type) return missing('postacert tipo');
  const error = attribute(root, 'errore');
  if (!error) return missing('postacert errore');
  if (!(PEC_ERRORS as readonly string[]).includes(error)) {
    return { ok: false, reason: `daticert.xml has an unknown errore "${error}"` };
  }
  const sender = textOf(head.mittente);
  if (!sender) return missing('mittente');
  const replyTo = textOf(head.risposte);
  if (!replyTo) return missing('risposte');
  const issuer = textOf(data['gestore-emittente']);
  if (!issuer) return missing('gestore-emittente');

  const recipients: PecRecipient[] = [];
  for (const entry of asList(head.destinatari)) {
    const address = textOf(entry);
    const kind = attribute(entry, 'tipo');
    if (!address || (kind !== 'certificato' && kind !== 'esterno')) {
      return { ok: false, reason: 'daticert.xml has a destinatari without its address or tipo' };
    }
    recipients.push({ address, type: kind });
  }
  if (recipients.length === 0) return missing('destinatari');

  const date = data.data;
  const zone = attribute(date, 'zona');
  const dateNode = (typeof date === 'object' && date !== null ? date : {}) as Node;
  const at = certifiedInstant(textOf(dateNode.giorno) ?? '', textOf(dateNode.ora) ?? '', zone ?? '');
  if (!at) return { ok: false, reason: 'daticert.xml has no valid data (giorno, ora, zona)' };

  const receipt = attribute(data.ricevuta, 'tipo');
  if (receipt !== undefined && !(receiptTypes as readonly string[]).includes(receipt)) {
    return { ok: false, reason: `daticert.xml has an unknown ricevuta tipo "${receipt}"` };
  }
  const optional = <K extends keyof PecCertData>(key: K, value: PecCertData[K] | undefined) =>
    value === undefined ? {} : { [key]: value };
  const receivedFrom = asList(data.ricezione).flatMap((entry) => textOf(entry) ?? []);
  return {
    ok: true,
    data: {
      type,
      error: error as PecError,
      sender,
      recipients,
      replyTo,
      ...optional('subject', textOf(head.oggetto)),
      issuer,
      at,
      ...optional('id', textOf(data.identificativo)),
      ...optional('msgid', textOf(data.msgid)),
      ...optional('receiptType', receipt as PecCertData['receiptType']),
      ...optional('deliveredTo', textOf(data.consegna)),
      ...(receivedFrom.length > 0 ? { receivedFrom } : {}),
      ...optional('errorDetail', textOf(data['errore-esteso'])),
    },
  };
}
