import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';

export function AccountsScreen() {
  const { t } = useTranslation();
  const { state, reload } = useCall('accounts:list');

  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('home.title')}</h2>
      {state.status === 'loading' && <p aria-busy="true">{t('common.loading')}</p>}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.value.length === 0 && (
        <div className="empty-state" data-testid="accounts-empty">
          <h3>{t('home.emptyTitle')}</h3>
          <p>{t('home.emptyBody')}</p>
        </div>
      )}
      {state.status === 'ok' && state.value.length > 0 && (
        <ul className="account-list">
          {state.value.map((account) => (
            <li key={account.id}>
              <strong>{account.displayName}</strong> <span>{account.email}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
