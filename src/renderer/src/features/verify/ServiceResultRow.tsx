import { useTranslation } from 'react-i18next';
import type { PresentedCertificate, ServiceResult } from '@shared/verify';
import { foundPhrases } from '@shared/verify-summary';
import { call } from '../../api/ponte-client';
import { CertificateNotice } from './CertificateNotice';

const ICONS = { pending: '', ok: '✓', failed: '✗', skipped: '–' } as const;

/** One service: a spinner while pending, then what was found, or what went wrong and what to do. */
/** The provider the settings came from, when it uses app passwords: its page for creating one. */
export interface AppPasswordHelp {
  provider: string;
  createUrl: string;
}

interface Props {
  result: ServiceResult;
  onTrustCertificate?: (certificate: PresentedCertificate) => void;
  appPassword?: AppPasswordHelp;
}

const PASSWORD_CODES = new Set(['AUTH_FAILED', 'APP_PASSWORD_REQUIRED']);

export function ServiceResultRow({ result, onTrustCertificate, appPassword }: Props) {
  const { t, i18n } = useTranslation();
  const name = t(`verify.services.${result.service}`);
  return (
    <li className={`result-row result-${result.status}`} data-testid={`result-${result.service}`}>
      <span className="result-icon" aria-hidden="true">
        {result.status === 'pending' ? <span className="spinner" /> : ICONS[result.status]}
      </span>
      <div className="result-body">
        <p className="result-title">
          <strong>{name}</strong> —{' '}
          <span className="result-status">{t(`verify.status.${result.status}`)}</span>
        </p>
        {result.status === 'ok' && (
          <p className="result-found">
            {foundPhrases(result, i18n.language)
              .map((phrase) => t(`verify.${phrase.key}`, phrase.params ?? {}))
              .join(' · ')}
          </p>
        )}
        {result.status === 'ok' && result.service === 'caldav' && result.found && (
          <ul className="collection-list">
            {result.found.calendars.map((calendar) => (
              <li key={calendar.url}>
                <span
                  className="swatch"
                  style={{ backgroundColor: calendar.color?.slice(0, 7) ?? 'transparent' }}
                />
                {calendar.displayName}
                {calendar.components.includes('VTODO') && !calendar.components.includes('VEVENT') && (
                  <span className="tag">{t('verify.found.tasks')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {result.status === 'ok' && result.service === 'carddav' && result.found && (
          <ul className="collection-list">
            {result.found.addressBooks.map((book) => (
              <li key={book.url}>{book.displayName}</li>
            ))}
          </ul>
        )}
        {result.status !== 'ok' && result.status !== 'pending' && result.code && (
          <>
            <p className="result-problem">{t(`verify.codes.${result.code}.title`)}</p>
            {appPassword && PASSWORD_CODES.has(result.code) ? (
              <p className="result-fix">
                {t('verify.codes.AUTH_FAILED.fixAppPassword', { provider: appPassword.provider })}{' '}
                <button
                  type="button"
                  onClick={() =>
                    void call('links:open', { url: appPassword.createUrl }).catch(() => undefined)
                  }
                >
                  {t('verify.form.createAppPassword', { provider: appPassword.provider })}
                </button>
              </p>
            ) : (
              <p className="result-fix">
                {t(`verify.codes.${result.code}.fix`, { detail: result.detail ?? '' })}
              </p>
            )}
            {result.detail && result.code !== 'REDIRECT_REFUSED' && (
              <p className="result-detail">{t('verify.serverSaid', { detail: result.detail })}</p>
            )}
            {result.certificate && (
              <CertificateNotice
                certificate={result.certificate}
                {...(onTrustCertificate ? { onTrust: onTrustCertificate } : {})}
              />
            )}
          </>
        )}
      </div>
    </li>
  );
}
