import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, pickLanguage, type LanguagePreference } from '@shared/i18n/languages';
import type { WireError } from '@shared/error-codes';
import type { Settings } from '@shared/models';
import type { LockableSetting } from '@shared/settings-schema';
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
  const managed = settings?.managedBy ?? null;
  // A setting IT locked with a profile is shown, not editable (core refuses a change too).
  const locked = (key: LockableSetting): boolean => managed?.locked.includes(key) ?? false;
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      {managed && (
        <p className="notice" data-testid="managed-by">
          {t('settings.managedBy', { organisation: managed.organisation })}
          {managed.support?.email && <> {t('settings.managedSupport', { contact: managed.support.email })}</>}
          {managed.support?.phone && <> {t('settings.managedSupport', { contact: managed.support.phone })}</>}
        </p>
      )}
      <div className="field">
        <label htmlFor={languageId}>{t('settings.language')}</label>
        <select
          id={languageId}
          value={settings?.language ?? 'auto'}
          disabled={!settings || locked('language')}
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
        locked={locked('reminderDays')}
        onSave={(reminderDays) => save({ reminderDays })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings?.startAtLogin ?? false}
          disabled={!settings || locked('startAtLogin')}
          onChange={(event) => void save({ startAtLogin: event.target.checked })}
        />{' '}
        {t('settings.startAtLogin')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings?.reconnectDrives ?? true}
          disabled={!settings || locked('reconnectDrives')}
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
