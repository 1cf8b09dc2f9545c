import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '@shared/error-codes';
import { call } from '../../api/ponte-client';
import { toWire, useCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { RotationTarget } from '@shared/rotation-link';
import { AccountCard } from './AccountCard';

interface Props {
  onAdd: () => void;
  /** A password whose change form opens at once (from a reminder). */
  rotation?: RotationTarget | null;
}

export function AccountsScreen({ onAdd, rotation = null }: Props) {
  const { t } = useTranslation();
  const { state, reload, refresh } = useCall('accounts:list');
  const [removeError, setRemoveError] = useState<WireError | null>(null);

  const remove = async (id: string, undoTargets?: boolean): Promise<void> => {
    setRemoveError(null);
    try {
      await call('accounts:remove', { id, ...(undoTargets === undefined ? {} : { undoTargets }) });
    } catch (error) {
      setRemoveError(toWire(error));
    }
    reload();
  };

  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('home.title')}</h2>
      {state.status === 'loading' && <p aria-busy="true">{t('common.loading')}</p>}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {removeError && <ErrorNotice error={removeError} />}
      {state.status === 'ok' && state.value.length === 0 && (
        <div className="empty-state" data-testid="accounts-empty">
          <h3>{t('home.emptyTitle')}</h3>
          <p>{t('home.emptyBody')}</p>
          <button type="button" className="primary" onClick={onAdd}>
            {t('nav.add')}
          </button>
        </div>
      )}
      {state.status === 'ok' && state.value.length > 0 && (
        <ul className="account-list">
          {state.value.map((account) => (
            <AccountCard
              key={rotation?.accountId === account.id ? `${account.id}:${rotation.credentialId}` : account.id}
              account={account}
              drives={state.value.filter((other) => other.services.includes('webdav'))}
              onRemove={remove}
              onChanged={refresh}
              openChange={rotation?.accountId === account.id ? rotation.credentialId : null}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
