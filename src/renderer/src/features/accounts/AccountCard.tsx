import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '@shared/models';
import { call } from '../../api/ponte-client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VerifyResults } from '../verify/VerifyResults';
import { useVerifyRun } from '../verify/use-verify-run';

interface Props {
  account: AccountSummary;
  onRemove: (id: string) => Promise<void>;
}

/** One account: its services, each password's kind, age and expiry, and removal with a confirmation. */
export function AccountCard({ account, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const check = useVerifyRun();
  const checking = check.state.phase === 'running';
  const date = (iso: string): string =>
    new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  return (
    <li className="account-card" data-testid="account-card">
      <h3>{account.displayName}</h3>
      <p className="hint">{account.email}</p>
      <p>
        {t('accounts.services')}:{' '}
        {account.services.map((service) => t(`verify.services.${service}`)).join(', ')}
      </p>
      <ul className="credential-list">
        {account.credentials.map((credential) => (
          <li key={credential.id}>
            {t(`accounts.kind.${credential.kind}`)} · {credential.username} ·{' '}
            {t('accounts.createdAt', { date: date(credential.createdAt) })}
            {credential.expiresAt && <> · {t('accounts.expiresAt', { date: date(credential.expiresAt) })}</>}
          </li>
        ))}
      </ul>
      {(check.state.phase === 'running' || check.state.phase === 'done') && (
        <VerifyResults progress={check.state.progress} />
      )}
      {check.state.phase === 'error' && <ErrorNotice error={check.state.error} />}
      <button
        type="button"
        disabled={checking}
        onClick={() => void check.follow(() => call('accounts:check', { id: account.id }))}
      >
        {t('accounts.check')}
      </button>{' '}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={t('accounts.remove')}>
          <p>{t('accounts.removeConfirm', { name: account.displayName })}</p>
          <button type="button" className="danger" onClick={() => void onRemove(account.id)}>
            {t('accounts.removeYes')}
          </button>{' '}
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            {t('accounts.removeNo')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('accounts.remove')}
        </button>
      )}
    </li>
  );
}
