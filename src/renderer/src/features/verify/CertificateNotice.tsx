import { useTranslation } from 'react-i18next';
import type { PresentedCertificate } from '@shared/verify';

interface Props {
  certificate: PresentedCertificate;
  onTrust?: (certificate: PresentedCertificate) => void;
}

/**
 * The certificate a server presented when it was not trusted, laid out for comparison with what IT says,
 * and the one way to trust it: this exact fingerprint, for this check.
 */
export function CertificateNotice({ certificate, onTrust }: Props) {
  const { t, i18n } = useTranslation();
  const date = (iso: string): string =>
    new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  return (
    <div className="certificate" data-testid="presented-certificate">
      <p>{t('verify.certificate.presented', { subject: certificate.subject, issuer: certificate.issuer })}</p>
      <p>
        {t('verify.certificate.validity', {
          from: date(certificate.validFrom),
          to: date(certificate.validTo),
        })}
      </p>
      <p>
        {t('verify.certificate.fingerprint')}: <code className="fingerprint">{certificate.sha256}</code>
      </p>
      <p className="hint">{t('verify.certificate.compare')}</p>
      {onTrust && (
        <button type="button" onClick={() => onTrust(certificate)}>
          {t('verify.certificate.trust')}
        </button>
      )}
    </div>
  );
}
