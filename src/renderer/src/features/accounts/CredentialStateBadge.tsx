import { useTranslation } from 'react-i18next';
import type { CredentialStatus } from '@shared/credential-state';

/** A password that needs attention says so beside it: expiring (with the days left), expired, or refused. */
export function CredentialStateBadge({ status }: { status: CredentialStatus }) {
  const { t } = useTranslation();
  if (status.state === 'ok' || status.state === 'unknown') return null;
  return (
    <strong className={`credential-state credential-${status.state}`} data-testid="credential-state">
      {status.state === 'expiring'
        ? t('accounts.badge.expiring', { count: Math.max(0, status.daysLeft ?? 0) })
        : t(`accounts.badge.${status.state}`)}
    </strong>
  );
}
