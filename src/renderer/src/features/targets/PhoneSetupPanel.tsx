import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '@shared/error-codes';
import type { PhoneSetup } from '@shared/targets';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { QrCodeImage } from './QrCodeImage';

/** For an Android phone: DAVx⁵'s login link and its QR code, shown on request. The password is typed there. */
export function PhoneSetupPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<PhoneSetup | null | undefined>(undefined);
  const [error, setError] = useState<WireError | null>(null);

  const toggle = async (): Promise<void> => {
    if (shown !== undefined) return setShown(undefined);
    try {
      setShown(await call('targets:phone', { id: accountId }));
      setError(null);
    } catch (caught) {
      setError(toWire(caught));
    }
  };

  return (
    <div className="phone-setup" data-testid="phone-setup">
      <button type="button" aria-expanded={shown !== undefined} onClick={() => void toggle()}>
        {t('targets.phone.show')}
      </button>
      {error && <ErrorNotice error={error} />}
      {shown === null && <p>{t('targets.phone.none')}</p>}
      {shown && (
        <div className="phone-setup-body">
          <p>{t('targets.phone.howTo')}</p>
          <QrCodeImage code={shown.qr} label={t('targets.phone.qrLabel', { link: shown.link })} />
          <p>
            <code data-testid="phone-link">{shown.link}</code>
          </p>
        </div>
      )}
    </div>
  );
}
