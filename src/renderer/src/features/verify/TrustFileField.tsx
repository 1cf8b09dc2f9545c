import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPemCertificate, type VerifyForm } from './verify-form';

interface Props {
  trust: VerifyForm['trust'];
  pinned: VerifyForm['pinned'];
  onChange: (trust: VerifyForm['trust']) => void;
  onUnpin: (sha256: string) => void;
}

/** A private CA the user's IT handed out: read in the page, checked to be a PEM certificate, sent as text. */
export function TrustFileField({ trust, pinned, onChange, onUnpin }: Props) {
  const { t } = useTranslation();
  const [invalid, setInvalid] = useState(false);
  return (
    <fieldset className="trust">
      <legend>{t('verify.form.trust')}</legend>
      <p className="hint">{t('verify.form.trustHint')}</p>
      {trust ? (
        <p>
          {t('verify.form.trustChosen', { name: trust.name })}{' '}
          <button type="button" onClick={() => onChange(undefined)}>
            {t('verify.form.trustClear')}
          </button>
        </p>
      ) : (
        <input
          type="file"
          accept=".pem,.crt,.cer"
          aria-label={t('verify.form.trust')}
          data-testid="trust-file"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            const text = await file.text();
            setInvalid(!isPemCertificate(text));
            if (isPemCertificate(text)) onChange({ name: file.name, pem: text });
          }}
        />
      )}
      {pinned.map((pin) => (
        <p key={pin.sha256} data-testid="pinned-certificate">
          {t('verify.certificate.trusted', { fingerprint: pin.sha256 })}{' '}
          <button type="button" onClick={() => onUnpin(pin.sha256)}>
            {t('verify.form.trustClear')}
          </button>
        </p>
      ))}
      {invalid && (
        <p className="field-error" role="alert">
          {t('verify.invalid.trustFile')}
        </p>
      )}
    </fieldset>
  );
}
