import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Footer } from './components/Footer';
import { AccountsScreen } from './features/accounts/AccountsScreen';
import { SettingsProvider } from './features/settings/settings-context';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { WizardScreen } from './features/wizard/WizardScreen';

type View = 'accounts' | 'add' | 'settings';

interface ScreenProps {
  navigate: (view: View) => void;
}

const screens: Record<View, (props: ScreenProps) => React.JSX.Element> = {
  accounts: ({ navigate }) => <AccountsScreen onAdd={() => navigate('add')} />,
  add: ({ navigate }) => <WizardScreen onShowAccounts={() => navigate('accounts')} />,
  settings: () => <SettingsScreen />,
};

export function App() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('accounts');
  const views: View[] = ['accounts', 'add', 'settings'];
  const Screen = screens[view];

  return (
    <SettingsProvider>
      <div className="app">
        <header className="app-header">
          <div className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </div>
          <nav aria-label={t('nav.label')}>
            {views.map((name) => (
              <button
                key={name}
                type="button"
                className="nav-item"
                aria-current={view === name ? 'page' : undefined}
                onClick={() => setView(name)}
              >
                {t(`nav.${name}`)}
              </button>
            ))}
          </nav>
        </header>
        <main className="app-main">
          <Screen navigate={setView} />
        </main>
        <Footer />
      </div>
    </SettingsProvider>
  );
}
