import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '@shared/models';
import type { WireError } from '@shared/error-codes';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VerifyResults } from '../verify/VerifyResults';
import { useVerifyRun } from '../verify/use-verify-run';
import { Loading } from '../../components/Loading';

// Each panel loads its code when a card shows it: the first screen does not carry the QR code, the PEC
// panels and the computer set-up (issue 20).
const ChangePasswordForm = lazy(() =>
  import('./ChangePasswordForm').then((module) => ({ default: module.ChangePasswordForm })),
);
const ComputerTargets = lazy(() =>
  import('../targets/ComputerTargets').then((module) => ({ default: module.ComputerTargets })),
);
const PhoneSetupPanel = lazy(() =>
  import('../targets/PhoneSetupPanel').then((module) => ({ default: module.PhoneSetupPanel })),
);
const PecTestPanel = lazy(() =>
  import('../pec/PecTestPanel').then((module) => ({ default: module.PecTestPanel })),
);
const PecArchivePanel = lazy(() =>
  import('../pec/PecArchivePanel').then((module) => ({ default: module.PecArchivePanel })),
);
import { CredentialStateBadge } from './CredentialStateBadge';
import { LastCheckList } from './LastCheckList';
import { MailboxQuota } from './MailboxQuota';

interface Props {
  account: AccountSummary;
  /** Saved accounts with a WebDAV drive (places a PEC box can be archived to). */
  drives?: AccountSummary[];
  onRemove: (id: string, undoTargets?: boolean) => Promise<void>;
  /** The account changed in core (checked, new password): the list reloads it. */
  onChanged: () => void;
  /** A credential whose change form is open from the start (a reminder led here). */
  openChange?: string | null;
}

/**
 * One account: its services and how they did at the last check, each password's kind, age and expiry, and
 * the actions: check now, change a password, remove (confirmed).
 */
export function AccountCard({ account, drives = [], onRemove, onChanged, openChange = null }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [changing, setChanging] = useState<string | null>(
    account.credentials.some((credential) => credential.id === openChange) ? openChange : null,
  );
  const [undoTargets, setUndoTargets] = useState(true);
  const hasTargets = account.targets.length > 0;
  const check = useVerifyRun();
  const checking = check.state.phase === 'running';
  const checkDone = check.state.phase === 'done';
  const [extendError, setExtendError] = useState<WireError | null>(null);
  const extend = async (credentialId: string): Promise<void> => {
    try {
      await call('accounts:extend', { id: account.id, credentialId });
      setExtendError(null);
      onChanged();
    } catch (error) {
      setExtendError(toWire(error));
    }
  };
  const date = (iso: string): string =>
    new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });

  // A finished check is saved by core as the account's last check: show the saved one.
  useEffect(() => {
    if (checkDone) onChanged();
  }, [checkDone, onChanged]);

  return (
    <li className="account-card" data-testid="account-card">
      <h3>{account.displayName}</h3>
      <p className="hint">{account.email}</p>
      <p>
        {t('accounts.services', {
          list: account.services.map((service) => t(`verify.services.${service}`)).join(', '),
        })}
      </p>
      <LastCheckList lastCheck={account.lastCheck} />
      {account.lastCheck?.quota && <MailboxQuota quota={account.lastCheck.quota} />}
      <ul className="credential-list">
        {account.credentials.map((credential) => (
          <li key={credential.id}>
            {t(`accounts.kind.${credential.kind}`)} · {credential.username} ·{' '}
            {t('accounts.createdAt', { date: date(credential.createdAt) })} ·{' '}
            {t('accounts.age', { count: credential.ageDays })}
            {credential.expiresAt && (
              <> · {t('accounts.expiresAt', { date: date(credential.expiresAt) })}</>
            )}{' '}
            <CredentialStateBadge status={credential.status} />{' '}
            {credential.lifetimeDays !== null && (
              <button
                type="button"
                aria-label={t('accounts.extend.named', { username: credential.username })}
                onClick={() => void extend(credential.id)}
              >
                {t('accounts.extend.button')}
              </button>
            )}{' '}
            {changing === credential.id ? (
              <Suspense fallback={<Loading />}>
                <ChangePasswordForm
                  accountId={account.id}
                  providerId={account.providerId}
                  credential={credential}
                  onDone={onChanged}
                  onClose={() => setChanging(null)}
                />
              </Suspense>
            ) : (
              <button
                type="button"
                aria-label={t('accounts.change.open', { username: credential.username })}
                onClick={() => setChanging(credential.id)}
              >
                {t('accounts.change.button')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {extendError && <ErrorNotice error={extendError} />}
      <Suspense fallback={<Loading />}>
        <ComputerTargets account={account} onChanged={onChanged} />
        {(account.services.includes('caldav') || account.services.includes('carddav')) && (
          <PhoneSetupPanel accountId={account.id} />
        )}
        {account.pec && account.services.includes('imap') && account.services.includes('smtp') && (
          <PecTestPanel accountId={account.id} email={account.email} />
        )}
        {account.pec && account.services.includes('imap') && (
          <PecArchivePanel accountId={account.id} drives={drives} onChanged={onChanged} />
        )}
      </Suspense>
      {(check.state.phase === 'running' || check.state.phase === 'done') && (
        <VerifyResults progress={check.state.progress} />
      )}
      {check.state.phase === 'error' && <ErrorNotice error={check.state.error} />}
      <div className="actions">
        <button
          type="button"
          disabled={checking}
          onClick={() => void check.follow(() => call('accounts:check', { id: account.id }))}
        >
          {t('accounts.check')}
        </button>
        {confirming ? (
          <div className="confirm" role="alertdialog" aria-label={t('accounts.remove')}>
            <p>{t('accounts.removeConfirm', { name: account.displayName })}</p>
            {hasTargets && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={undoTargets}
                  onChange={(event) => setUndoTargets(event.target.checked)}
                />{' '}
                {t('accounts.removeTargets', {
                  locations: account.targets.map((target) => target.location).join(', '),
                })}
              </label>
            )}
            <button
              type="button"
              className="danger"
              onClick={() => void onRemove(account.id, hasTargets ? undoTargets : undefined)}
            >
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
      </div>
    </li>
  );
}
