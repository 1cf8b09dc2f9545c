import { describe, expect, it } from 'vitest';
import { pecTestState } from '@core/pec/pec-test-outcome';
import type { PecCertData, PecInspection, PecKind } from '@shared/pec';

const me = 'segreteria@pec.studio.test';
const pecBox = 'ufficio@pec.cliente.test';
const ordinary = 'mario@example.org';

function receipt(kind: PecKind, data: Partial<PecCertData> = {}): PecInspection {
  return {
    valid: true,
    kind,
    virus: data.error === 'virus',
    subject: kind,
    refersTo: '<t@studio>',
    certData: {
      type: kind,
      error: 'nessuno',
      sender: me,
      recipients: [
        { address: pecBox, type: 'certificato' },
        { address: ordinary, type: 'esterno' },
      ],
      replyTo: me,
      issuer: 'Gestore',
      at: '2026-11-23T10:00:00+01:00',
      ...data,
    },
    signature: { present: true, signer: 'CN=gestore' },
    carriesOriginal: false,
    warnings: [],
  };
}
const invalid: PecInspection = { valid: false, problem: 'contradiction', reason: 'delivered with an error' };
const to = [pecBox, ordinary];

describe('pecTestState', () => {
  it('nothing yet: waiting for the acceptance', () => {
    expect(pecTestState([], to)).toMatchObject({ outcome: 'no-acceptance', finished: false });
  });

  it('accepted: the PEC box waits for its receipt, the ordinary address never will', () => {
    const state = pecTestState([receipt('accettazione')], to);
    expect(state).toMatchObject({
      outcome: 'no-delivery',
      finished: false,
      acceptance: { issuer: 'Gestore' },
    });
    expect(state.recipients).toEqual([
      { address: pecBox, status: 'waiting' },
      { address: ordinary, status: 'ordinary' },
    ]);
  });

  it('delivered to the PEC box: finished, with when and by whom', () => {
    const state = pecTestState(
      [
        receipt('accettazione'),
        receipt('avvenuta-consegna', {
          deliveredTo: 'UFFICIO@pec.cliente.test',
          at: '2026-11-23T10:00:03+01:00',
        }),
      ],
      to,
    );
    expect(state).toMatchObject({ outcome: 'delivered', finished: true });
    expect(state.recipients[0]).toEqual({
      address: pecBox,
      status: 'delivered',
      at: '2026-11-23T10:00:03+01:00',
      issuer: 'Gestore',
    });
  });

  it('only ordinary recipients: acceptance is the end of it', () => {
    const state = pecTestState(
      [receipt('accettazione', { recipients: [{ address: ordinary, type: 'esterno' }] })],
      [ordinary],
    );
    expect(state).toMatchObject({ outcome: 'accepted-ordinary', finished: true });
  });

  it('a delivery error, with the provider’s detail', () => {
    const state = pecTestState(
      [
        receipt('accettazione'),
        receipt('errore-consegna', { deliveredTo: pecBox, error: 'no-dest', errorDetail: '5.1.1 unknown' }),
      ],
      to,
    );
    expect(state).toMatchObject({ outcome: 'not-delivered', finished: true });
    expect(state.recipients[0]).toMatchObject({
      status: 'failed',
      error: 'no-dest',
      detail: '5.1.1 unknown',
    });
  });

  it('not accepted: finished at once, with the reason', () => {
    const state = pecTestState([receipt('non-accettazione', { error: 'virus', errorDetail: 'EICAR' })], to);
    expect(state).toMatchObject({
      outcome: 'not-accepted',
      finished: true,
      nonAcceptance: { error: 'virus', virus: true, detail: 'EICAR' },
    });
  });

  it('a late-delivery warning keeps waiting, and says so', () => {
    const state = pecTestState(
      [
        receipt('accettazione'),
        receipt('preavviso-errore-consegna', { deliveredTo: pecBox, error: 'altro' }),
      ],
      to,
    );
    expect(state).toMatchObject({ outcome: 'no-delivery', finished: false });
    expect(state.recipients[0]).toEqual({ address: pecBox, status: 'waiting', delayed: true });
  });

  it('an invalid message is counted and never taken for a receipt', () => {
    const state = pecTestState([receipt('accettazione'), invalid], to);
    expect(state).toMatchObject({ outcome: 'no-delivery', ignored: 1 });
  });

  it('a delivery receipt for another address does not count for this one', () => {
    const state = pecTestState(
      [receipt('accettazione'), receipt('avvenuta-consegna', { deliveredTo: 'altro@pec.cliente.test' })],
      to,
    );
    expect(state.recipients[0]?.status).toBe('waiting');
  });

  it('the envelope in one’s own box is noticed', () => {
    const envelope = receipt('posta-certificata');
    expect(pecTestState([receipt('accettazione'), envelope], to).envelopeReceived).toBe(true);
  });
});
