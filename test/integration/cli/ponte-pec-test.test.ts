import keytar from 'keytar';
import { describe, expect, inject, it } from 'vitest';
import type { PecTestReport } from '@shared/pec';
import { rigImap } from '../../support/rig-imap';
import { ponteWith } from '../../support/run-ponte';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';
import { useRigAccount } from '../../support/use-rig-account';

// `ponte pec test` against the rig's PEC provider simulator (test/rig/pec-provider.ts): real SMTP submission,
// receipts signed and put in the sender's Dovecot box over LMTP, read back by Ponte over IMAP.

const rig = inject('rig');
const paola = rigUser(rig, 3);
const marco = rigUser(rig, 1);
const dataDir = useTempDir('ponte-pec-test-', 'all');
const ponte = ponteWith(() => ({ dataDir: dataDir() }));
const id = useRigAccount(ponte, rig, paola, ['imap'], ['--smtp', `127.0.0.1:${rig.pec.port}`]);

async function pecTest(...extra: string[]): Promise<{ code: number | null; report: PecTestReport }> {
  const run = await ponte(['pec', 'test', id(), '--json', ...extra]);
  return { code: run.code, report: JSON.parse(run.stdout) as PecTestReport };
}

describe('ponte pec test', () => {
  it('to itself: accepted, delivered, and the certified message in the box — with progress in words', async () => {
    const run = await ponte(['pec', 'test', id()]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Sending a test PEC…');
    expect(run.stderr).toMatch(
      /Accepted by the provider at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}\./,
    );
    expect(run.stderr).toContain(`Delivered to ${paola.email}.`);
    expect(run.stdout).toContain('Your PEC works: the test message was accepted and delivered.');
    expect(run.stdout).toContain(`Accepted by ${rig.pec.gestore} at`);
    expect(run.stdout).toContain('The certified message itself also arrived in your inbox.');
  });

  it("--json: the receipts' certified instants and provider, per recipient", async () => {
    const before = Date.now();
    const { code, report } = await pecTest();
    expect(code).toBe(0);
    expect(report).toMatchObject({
      outcome: 'delivered',
      to: [paola.email],
      acceptance: { issuer: rig.pec.gestore },
      recipients: [{ address: paola.email, status: 'delivered', issuer: rig.pec.gestore }],
      envelopeReceived: true,
      ignored: 0,
    });
    const accepted = Date.parse(report.acceptance?.at ?? '');
    // Certified to the second: the receipt's instant is this run's, not a stale receipt's.
    expect(accepted).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(report.recipients[0]?.at ?? '')).toBeGreaterThanOrEqual(accepted);
  });

  it('to another PEC box: the envelope lands in that box, with the original inside', async () => {
    const { code, report } = await pecTest('--to', marco.email);
    expect(code).toBe(0);
    expect(report.recipients).toEqual([
      expect.objectContaining({ address: marco.email, status: 'delivered' }),
    ]);
    expect(report.envelopeReceived).toBe(false);
    const client = await rigImap(rig, marco);
    try {
      await client.mailboxOpen('INBOX');
      const uids = await client.search(
        { header: { 'x-riferimento-message-id': report.messageId } },
        { uid: true },
      );
      expect(uids).toHaveLength(1);
      const message = await client.fetchOne(String((uids as number[])[0]), { source: true }, { uid: true });
      const source = message ? (message.source?.toString() ?? '') : '';
      expect(source).toContain('X-Trasporto: posta-certificata');
      expect(source).toContain(`Subject: POSTA CERTIFICATA: Ponte: test PEC`);
    } finally {
      await client.logout();
    }
  });

  it("a box that does not exist: not delivered, with the provider's reason (exit 1)", async () => {
    const run = await ponte(['pec', 'test', id(), '--to', `nessuno@${rig.dns.domain}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('The test message was accepted but could not be delivered.');
    expect(run.stdout).toContain(
      `Not delivered to nessuno@${rig.dns.domain}: other (see the provider's detail).`,
    );
    expect(run.stdout).toContain(`Details: 5.1.1 - ${rig.pec.gestore} - indirizzo non valido`);
  });

  it('ordinary mail: accepted is all PEC gives, and the rule is explained (exit 0)', async () => {
    const { code, report } = await pecTest('--to', 'mario.rossi@example.org');
    expect(code).toBe(0);
    expect(report).toMatchObject({
      outcome: 'accepted-ordinary',
      recipients: [{ address: 'mario.rossi@example.org', status: 'ordinary' }],
    });
    const words = await ponte(['pec', 'test', id(), '--to', 'mario.rossi@example.org', '--lang', 'it']);
    expect(words.stdout).toContain('mario.rossi@example.org non è una casella PEC');
  });

  it('a recipient whose provider never answers: the wait is bounded (exit 1)', async () => {
    const started = Date.now();
    const { code, report } = await pecTest('--to', `ufficio@${rig.pec.silentDomain}`, '--timeout', '3');
    expect(code).toBe(1);
    expect(report.outcome).toBe('no-delivery');
    expect(report.acceptance?.issuer).toBe(rig.pec.gestore);
    expect(report.recipients).toEqual([{ address: `ufficio@${rig.pec.silentDomain}`, status: 'waiting' }]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a password the provider refuses: not sent, said why, the password never shown (exit 1)', async () => {
    const entry = `account:${id()}:main`;
    await keytar.setPassword('Ponte', entry, 'revoked-app-password');
    try {
      const run = await ponte(['pec', 'test', id()]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('The test message could not be sent.');
      expect(run.stdout).toContain('The user name or password was refused.');
      expect(run.stdout + run.stderr).not.toContain('revoked-app-password');
    } finally {
      await keytar.setPassword('Ponte', entry, paola.password);
    }
  });

  it('a wrong address or timeout is a usage error (exit 2)', async () => {
    expect((await ponte(['pec', 'test', id(), '--to', 'not-an-address'])).code).toBe(2);
    expect((await ponte(['pec', 'test', id(), '--timeout', 'soon'])).code).toBe(2);
  });
});
