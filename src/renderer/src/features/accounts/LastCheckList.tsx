import { useTranslation } from 'react-i18next';
import type { LastCheck } from '@shared/models';

/** The outcome of the last real login per service, as saved: what the card shows before any new check. */
export function LastCheckList({ lastCheck }: { lastCheck: LastCheck | null }) {
  const { t, i18n } = useTranslation();
  if (!lastCheck) return <p className="hint">{t('accounts.lastCheck.never')}</p>;
  const when = new Date(lastCheck.at).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <div className="last-check" data-testid="last-check">
      <p className="hint">{t('accounts.lastCheck.at', { date: when })}</p>
      <ul className="service-status-list">
        {lastCheck.results.map((result) => (
          <li key={result.service} className={`status-${result.status}`}>
            {t(`verify.services.${result.service}`)}: {t(`verify.status.${result.status}`)}
            {result.code && <> — {t(`verify.codes.${result.code}.title`)}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}
