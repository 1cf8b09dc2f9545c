import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, pickLanguage, type LanguagePreference } from '@shared/i18n/languages';
import type { WireError } from '@shared/error-codes';
import type { Settings } from '@shared/models';
import { toWire } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ReminderDaysField } from './ReminderDaysField';
import { useSettings } from './settings-context';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const [status, setStatus] = useState<'idle' | 'saved'>('idle');
  const [error, setError] = useState<WireError | null>(null);
  const languageId = useId();

  async function save(changes: Partial<Settings>): Promise<void> {
    setError(null);
    setStatus('idle');
    try {
      await update(changes);
      setStatus('saved');
    } catch (failure) {
      setError(toWire(failure));
    }
  }

  const systemLanguage = t(`languages.${pickLanguage(navigator.languages)}`);
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <div className="field">
        <label htmlFor={languageId}>{t('settings.language')}</label>
        <select
          id={languageId}
          value={settings?.language ?? 'auto'}
          disabled={!settings}
          onChange={(event) => void save({ language: event.target.value as LanguagePreference })}
        >
          <option value="auto">{t('settings.languageAuto', { language: systemLanguage })}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
      </div>
      <ReminderDaysField
        key={settings?.reminderDays.join(',') ?? 'loading'}
        days={settings?.reminderDays ?? null}
        onSave={(reminderDays) => save({ reminderDays })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings?.startAtLogin ?? false}
          disabled={!settings}
          onChange={(event) => void save({ startAtLogin: event.target.checked })}
        />{' '}
        {t('settings.startAtLogin')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings?.reconnectDrives ?? true}
          disabled={!settings}
          onChange={(event) => void save({ reconnectDrives: event.target.checked })}
        />{' '}
        {t('settings.reconnectDrives')}
      </label>
      <p className="status" role="status" aria-live="polite">
        {status === 'saved' ? t('settings.saved') : ''}
      </p>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
