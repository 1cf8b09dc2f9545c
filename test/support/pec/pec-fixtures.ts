import type { PecKind } from '@shared/pec';
import { daticertXml, type DaticertFields } from './daticert-xml';
import { buildPecMessage, mailDate, newMessageId, type PecSigner } from './pec-message';

// One PEC event (a receipt, a notice, an envelope) → the whole message a provider would send for it, with the
// subject prefixes, headers and daticert.xml the technical rules give each type. Used by the parser's tests
// and by the rig's PEC provider simulator.

export interface PecEvent {
  kind: PecKind;
  sender: string;
  recipients: { address: string; tipo: 'certificato' | 'esterno' }[];
  subject: string;
  /** The original message's Message-ID; a provider may leave it out of daticert.xml. */
  msgid?: string;
  gestore: string;
  /** The provider's mail domain: receipts come from posta-certificata@<domain>. */
  domain: string;
  at: Date;
  errore?: string;
  erroreEsteso?: string;
  deliveredTo?: string;
  /** The certified message itself (envelopes and complete delivery receipts carry it). */
  original?: string;
  /** Overrides for daticert.xml (variants, broken ones); `null` leaves daticert.xml out. */
  daticert?: Partial<DaticertFields> | null;
  /** Extra or replaced top-level headers. */
  headers?: [string, string][];
  signer?: PecSigner;
  /** postacert.eml and daticert.xml as attachments or inline, as different providers send them. */
  disposition?: 'attachment' | 'inline';
}

const subjectPrefix: Record<PecKind, string> = {
  accettazione: 'ACCETTAZIONE',
  'non-accettazione': 'AVVISO DI NON ACCETTAZIONE',
  'presa-in-carico': 'PRESA IN CARICO',
  'avvenuta-consegna': 'CONSEGNA',
  'errore-consegna': 'AVVISO DI MANCATA CONSEGNA',
  'preavviso-errore-consegna': 'AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO',
  'rilevazione-virus': 'PROBLEMA DI SICUREZZA',
  'posta-certificata': 'POSTA CERTIFICATA',
  anomalia: 'ANOMALIA MESSAGGIO',
};

const isEnvelope = (kind: PecKind): boolean => kind === 'posta-certificata' || kind === 'anomalia';

export function pecHeaders(event: PecEvent): [string, string][] {
  const virus = event.errore === 'virus';
  const prefix =
    virus && event.kind === 'non-accettazione'
      ? `${subjectPrefix[event.kind]} PER VIRUS`
      : subjectPrefix[event.kind];
  const from = isEnvelope(event.kind)
    ? `"Per conto di: ${event.sender}" <posta-certificata@${event.domain}>`
    : `posta-certificata@${event.domain}`;
  const to = isEnvelope(event.kind) ? event.recipients.map((r) => r.address).join(', ') : event.sender;
  const base: [string, string][] = [
    ['From', from],
    ['To', to],
    ['Subject', `${prefix}: ${event.subject}`],
    ['Date', mailDate(event.at)],
    ['Message-ID', newMessageId(event.domain)],
    event.kind === 'posta-certificata'
      ? ['X-Trasporto', 'posta-certificata']
      : event.kind === 'anomalia'
        ? ['X-Trasporto', 'errore']
        : ['X-Ricevuta', event.kind],
    ...(event.msgid ? [['X-Riferimento-Message-ID', event.msgid] as [string, string]] : []),
    ...(event.kind === 'avvenuta-consegna' ? [['X-TipoRicevuta', 'completa'] as [string, string]] : []),
    ...(virus ? [['X-VerificaSicurezza', 'errore'] as [string, string]] : []),
  ];
  const replaced = new Map((event.headers ?? []).map(([name, value]) => [name.toLowerCase(), value]));
  const kept = base.map(([name, value]): [string, string] => [
    name,
    replaced.get(name.toLowerCase()) ?? value,
  ]);
  const added = (event.headers ?? []).filter(
    ([name]) => !base.some(([b]) => b.toLowerCase() === name.toLowerCase()),
  );
  return [...kept, ...added];
}

export function pecDaticert(event: PecEvent): string | undefined {
  if (event.daticert === null || event.kind === 'anomalia') return undefined;
  return daticertXml({
    tipo: event.kind,
    errore: event.errore ?? 'nessuno',
    mittente: event.sender,
    destinatari: event.recipients,
    risposte: event.sender,
    oggetto: event.subject,
    gestore: event.gestore,
    at: event.at,
    identificativo: `opec.${event.at.getTime().toString(36)}@${event.domain}`,
    ...(event.msgid ? { msgid: event.msgid } : {}),
    ...(event.kind === 'avvenuta-consegna' ? { ricevuta: 'completa' as const } : {}),
    ...(event.deliveredTo ? { consegna: event.deliveredTo } : {}),
    ...(event.erroreEsteso ? { erroreEsteso: event.erroreEsteso } : {}),
    ...event.daticert,
  });
}

const bodyText = (event: PecEvent): string =>
  `${subjectPrefix[event.kind]}\n\nIl messaggio "${event.subject}" di ${event.sender} (${event.gestore}).`;

export async function pecMessage(event: PecEvent): Promise<string> {
  const daticert = pecDaticert(event);
  return buildPecMessage({
    headers: pecHeaders(event),
    text: bodyText(event),
    ...(daticert === undefined ? {} : { daticert }),
    ...(event.original === undefined ? {} : { original: event.original }),
    ...(event.signer ? { signer: event.signer } : {}),
    ...(event.disposition ? { disposition: event.disposition } : {}),
  });
}
