import { useTranslation } from 'react-i18next';
import type { PresentedCertificate, ServiceResult } from '@shared/verify';
import { failurePhrases, foundPhrases, type Phrase } from '@shared/verify-summary';
import { OpenPageButton } from '../../components/OpenPageButton';
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

export function ServiceResultRow({ result, onTrustCertificate, appPassword }: Props) {
  const { t, i18n } = useTranslation();
  const name = t(`verify.services.${result.service}`);
  const say = (phrase: Phrase): string => t(`verify.${phrase.key}`, phrase.params ?? {});
  const failure =
    result.status === 'failed' || result.status === 'skipped'
      ? failurePhrases(result, appPassword?.provider)
      : undefined;
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
        {result.status === 'ok' &&
          (result.service === 'caldav' || result.service === 'carddav') &&
          result.found?.leftOut && (
            <ul className="collection-list left-out">
              {result.found.leftOut.map((collection, index) => (
                // A server may list the same address twice: the position keeps the keys apart.
                <li key={`${index}:${collection.url}`}>
                  {collection.url} — {t(`verify.found.leftOutReason.${collection.reason}`)}
                </li>
              ))}
            </ul>
          )}
        {failure && (
          <>
            <p className="result-problem">{say(failure.title)}</p>
            <p className="result-fix">
              {say(failure.fix)}
              {failure.offersAppPasswordPage && appPassword && (
                <>
                  {' '}
                  <OpenPageButton
                    url={appPassword.createUrl}
                    label={t('verify.form.createAppPassword', { provider: appPassword.provider })}
                  />
                </>
              )}
            </p>
            {failure.detail && <p className="result-detail">{say(failure.detail)}</p>}
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
