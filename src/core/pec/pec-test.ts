import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { ImapFlow } from 'imapflow';
import type { PecInspection, PecTestProgress, PecTestReport } from '@shared/pec';
import { isMailAddress } from '@shared/mail-address';
import type { AccountStore } from '../accounts/account-store';
import { accountServiceTargets } from '../accounts/account-builders';
import { PonteError } from '../errors/ponte-error';
import { connectImap, createImapClient } from '../imap/imap-client';
import { smtpFailure } from '../smtp/smtp-options';
import { openSmtpSession } from '../smtp/smtp-session';
import { unexpectedFailure } from '../verify/adapter-errors';
import { DEFAULT_TIMEOUTS, type ServiceTarget } from '../verify/service-target';
import type { TrustSettings } from '../verify/tls-trust';
import { inspectPecMessage, MAX_PEC_MESSAGE_BYTES } from './inspect-pec';
import { pecTestState, type PecTestState } from './pec-test-outcome';

export interface PecTestOptions {
  /** Default: the account's own address, which gets both receipts and the certified message. */
  to?: string[];
  /** The test message's words, in the person's language. */
  message: { subject: string; text: string };
  /** How long to wait for the receipts; providers usually answer within a minute. */
  timeoutMs?: number;
  pollMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: PecTestProgress) => void;
}

export const DEFAULT_PEC_TEST_TIMEOUT_MS = 120_000;

type MailTarget = Extract<ServiceTarget, { service: 'imap' | 'smtp' }>;

/**
 * Proves a PEC box works: sends a test message through the account's SMTP and waits, bounded, for the
 * acceptance and delivery receipts to arrive in its IMAP inbox, matched by X-Riferimento-Message-ID and read
 * by the PEC parser. Nothing is deleted: the receipts are the proof, and the box keeps them.
 */
export async function runPecTest(
  store: AccountStore,
  accountId: string,
  options: PecTestOptions,
): Promise<PecTestReport> {
  const account = await store.get(accountId);
  const { targets, trust } = await accountServiceTargets(
    account,
    (id) => store.secret(account, id),
    (service) => service === 'imap' || service === 'smtp',
  );
  const imap = targets.find((target): target is MailTarget => target.service === 'imap');
  const smtp = targets.find((target): target is MailTarget => target.service === 'smtp');
  if (!imap || !smtp) {
    throw new PonteError(
      'INVALID_INPUT',
      'A PEC test needs the account’s incoming (IMAP) and outgoing (SMTP) mail.',
    );
  }
  const to = options.to && options.to.length > 0 ? options.to : [account.email];
  const wrong = to.find((address) => !isMailAddress(address));
  if (wrong !== undefined) throw new PonteError('INVALID_INPUT', `“${wrong}” is not an e-mail address.`);

  const domain = account.email.split('@')[1] ?? 'localhost';
  const messageId = `<ponte-pec-test.${Date.now().toString(36)}.${randomBytes(8).toString('hex')}@${domain}>`;
  const started = Date.now();
  const base = { messageId, to };
  const report = (state: PecTestState, sentAt?: string): PecTestReport => {
    const { outcome, acceptance, nonAcceptance, recipients, envelopeReceived, ignored } = state;
    return {
      ...base,
      outcome,
      ...(acceptance ? { acceptance } : {}),
      ...(nonAcceptance ? { nonAcceptance } : {}),
      recipients,
      envelopeReceived,
      ignored,
      ...(sentAt ? { sentAt } : {}),
      waitedSeconds: Math.round((Date.now() - started) / 1000),
    };
  };

  options.onProgress?.({ step: 'sending' });
  try {
    await send(smtp, trust, { from: account.email, to, messageId, ...options.message }, options.signal);
  } catch (error) {
    const failure = smtpFailure(error, smtp.credential.password);
    return {
      ...report({
        outcome: 'send-failed',
        finished: true,
        recipients: [],
        envelopeReceived: false,
        ignored: 0,
      }),
      sendError: {
        code: failure.code,
        message: failure.message,
        ...(failure.detail ? { detail: failure.detail } : {}),
      },
    };
  }
  const sentAt = new Date().toISOString();
  options.onProgress?.({ step: 'sent' });
  const state = await waitForReceipts(imap, trust, messageId, to, options);
  return report(state, sentAt);
}

async function send(
  smtp: MailTarget,
  trust: TrustSettings,
  message: { from: string; to: string[]; messageId: string; subject: string; text: string },
  signal: AbortSignal | undefined,
): Promise<void> {
  const mail = new MailComposer(message).compile();
  const raw = await mail.build();
  const session = await openSmtpSession(smtp.endpoint, smtp.credential, trust, DEFAULT_TIMEOUTS, signal);
  try {
    await session.send({ from: message.from, to: message.to }, raw);
  } finally {
    session.close();
  }
}

async function waitForReceipts(
  imap: MailTarget,
  trust: TrustSettings,
  messageId: string,
  to: string[],
  options: PecTestOptions,
): Promise<PecTestState> {
  const limitMs = options.timeoutMs ?? DEFAULT_PEC_TEST_TIMEOUT_MS;
  const pollMs = options.pollMs ?? 1500;
  const started = Date.now();
  const client = createImapClient(imap, trust, DEFAULT_TIMEOUTS, MAX_PEC_MESSAGE_BYTES);
  const close = (): void => client.close();
  options.signal?.addEventListener('abort', close, { once: true });
  const found = new Map<number, PecInspection | null>();
  const told = new Set<string>();
  const tell = (key: string, progress: PecTestProgress): void => {
    if (told.has(key)) return;
    told.add(key);
    options.onProgress?.(progress);
  };
  let state = pecTestState([], to);
  try {
    await connectImap(client, imap.credential.password);
    await client.mailboxOpen('INBOX', { readOnly: true });
    for (;;) {
      await collect(client, messageId, found);
      state = pecTestState(
        [...found.values()].filter((entry) => entry !== null),
        to,
      );
      if (state.acceptance) tell('accepted', { step: 'accepted', at: state.acceptance.at });
      for (const recipient of state.recipients) {
        if (recipient.status === 'delivered')
          tell(`d:${recipient.address}`, { step: 'delivered', address: recipient.address });
        if (recipient.status === 'failed')
          tell(`f:${recipient.address}`, { step: 'not-delivered', address: recipient.address });
      }
      const waited = Date.now() - started;
      if (state.finished || waited >= limitMs || options.signal?.aborted) break;
      options.onProgress?.({
        step: 'waiting',
        seconds: Math.round(waited / 1000),
        limitSeconds: Math.round(limitMs / 1000),
      });
      await pause(Math.min(pollMs, limitMs - waited), options.signal);
    }
    await client.logout();
  } catch (error) {
    if (options.signal?.aborted) return state;
    const failure = unexpectedFailure(error, imap.credential.password);
    throw new PonteError(
      'CHECK_FAILED',
      `The test PEC was sent, but its receipts could not be read from the inbox (${failure.code}).`,
      failure.detail,
    );
  } finally {
    options.signal?.removeEventListener('abort', close);
    client.close();
  }
  return state;
}

/**
 * New messages that name the test in X-Riferimento-Message-ID, read once each. IMAP's header search matches
 * substrings, so a valid receipt counts only when it refers to exactly this message; one that does not parse
 * is kept as invalid (reported as ignored), never as a receipt.
 */
async function collect(
  client: ImapFlow,
  messageId: string,
  found: Map<number, PecInspection | null>,
): Promise<void> {
  await client.noop();
  const uids =
    (await client.search({ header: { 'x-riferimento-message-id': messageId } }, { uid: true })) || [];
  for (const uid of uids) {
    if (found.has(uid)) continue;
    // Size first: only something small enough to be a receipt is downloaded.
    const head = await client.fetchOne(String(uid), { size: true }, { uid: true });
    const message =
      head && (head.size ?? 0) <= MAX_PEC_MESSAGE_BYTES
        ? await client.fetchOne(String(uid), { source: true }, { uid: true })
        : false;
    if (!message || !message.source) {
      found.set(uid, null);
      continue;
    }
    const inspection = await inspectPecMessage(message.source);
    const ours =
      !inspection.valid || inspection.refersTo === messageId || inspection.certData?.msgid === messageId;
    found.set(uid, ours ? inspection : null);
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(ms, 0));
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
