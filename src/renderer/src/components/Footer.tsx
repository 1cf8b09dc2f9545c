import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';

export function Footer() {
  const { t } = useTranslation();
  const { state } = useCall('app:info');
  if (state.status !== 'ok') return <footer className="app-footer" />;
  return (
    <footer className="app-footer">
      <span data-testid="app-version">{t('footer.version', { version: state.value.version })}</span>
      {state.value.shell === 'browser' && <span className="badge">{t('footer.preview')}</span>}
    </footer>
  );
}
