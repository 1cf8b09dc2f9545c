import { lazy, Suspense, useEffect, useState } from 'react';
import { parseRotationHash, type RotationTarget } from '@shared/rotation-link';
import { PROFILE_IMPORT_HASH } from '@shared/profile';
import { useTranslation } from 'react-i18next';
import { Footer } from './components/Footer';
import { Loading } from './components/Loading';
import { AccountsScreen } from './features/accounts/AccountsScreen';
import { SettingsProvider } from './features/settings/settings-context';

// The first screen is the accounts: the wizard and the settings load their code when opened (issue 20).
const WizardScreen = lazy(() =>
  import('./features/wizard/WizardScreen').then((module) => ({ default: module.WizardScreen })),
);
const SettingsScreen = lazy(() =>
  import('./features/settings/SettingsScreen').then((module) => ({ default: module.SettingsScreen })),
);

type View = 'accounts' | 'add' | 'settings';

interface ScreenProps {
  navigate: (view: View) => void;
  rotation: RotationTarget | null;
  /** The menu's "Import IT profile…" (#import-profile) opened the wizard. */
  importing: boolean;
}

const screens: Record<View, (props: ScreenProps) => React.JSX.Element> = {
  accounts: ({ navigate, rotation }) => <AccountsScreen onAdd={() => navigate('add')} rotation={rotation} />,
  add: ({ navigate, importing }) => (
    <WizardScreen onShowAccounts={() => navigate('accounts')} importProfile={importing} />
  ),
  settings: () => <SettingsScreen />,
};

export function App() {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(() => window.location.hash === PROFILE_IMPORT_HASH);
  const [view, setView] = useState<View>(importing ? 'add' : 'accounts');
  // A reminder's notification opens the window at a password's change form (#rotate=…).
  const [rotation, setRotation] = useState<RotationTarget | null>(() =>
    parseRotationHash(window.location.hash),
  );
  useEffect(() => {
    const follow = (): void => {
      if (window.location.hash === PROFILE_IMPORT_HASH) {
        setImporting(true);
        setView('add');
        return;
      }
      const target = parseRotationHash(window.location.hash);
      if (!target) return;
      setRotation(target);
      setView('accounts');
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
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
                onClick={() => {
                  // Moving on by hand: the form a reminder opened is not opened again, and the same reminder
                  // clicked later changes the fragment again, so it is followed.
                  setRotation(null);
                  setImporting(false);
                  if (window.location.hash) {
                    window.history.replaceState(null, '', window.location.pathname + window.location.search);
                  }
                  setView(name);
                }}
              >
                {t(`nav.${name}`)}
              </button>
            ))}
          </nav>
        </header>
        <main className="app-main">
          <Suspense fallback={<Loading />}>
            <Screen navigate={setView} rotation={rotation} importing={importing} />
          </Suspense>
        </main>
        <Footer />
      </div>
    </SettingsProvider>
  );
}
