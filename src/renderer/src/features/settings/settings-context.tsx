import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { resolveLanguage } from '@shared/i18n/languages';
import type { Settings } from '@shared/models';
import { call } from '../../api/ponte-client';
import { useCall } from '../../api/use-call';
import { switchLanguage } from '../../i18n/setup-i18n';

interface SettingsValue {
  settings: Settings | null;
  update(changes: Partial<Settings>): Promise<void>;
}

const SettingsContext = createContext<SettingsValue | null>(null);

/** Loads the saved settings once and keeps the UI language in step with them. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const { state } = useCall('settings:get');
  // What the last update returned wins over what was loaded at start.
  const [updated, setUpdated] = useState<Settings | null>(null);
  const settings = updated ?? (state.status === 'ok' ? state.value : null);

  useEffect(() => {
    if (settings) void switchLanguage(resolveLanguage(settings.language, navigator.languages));
  }, [settings]);

  const update = useCallback(async (changes: Partial<Settings>) => {
    setUpdated(await call('settings:update', changes));
  }, []);

  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
