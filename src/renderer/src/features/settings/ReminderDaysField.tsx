import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseReminderDays } from '@shared/settings-schema';

interface Props {
  days: readonly number[] | null;
  /** Set by the organisation's profile: shown, not editable. */
  locked?: boolean;
  onSave: (days: number[]) => Promise<void>;
}

/** When to be reminded before an app password expires: typed as "14, 7, 3, 1", checked before it is saved. */
export function ReminderDaysField({ days, locked = false, onSave }: Props) {
  const { t } = useTranslation();
  const id = useId();
  // Keyed by the saved value in the parent, so a save or the first load starts it afresh.
  const [text, setText] = useState(days?.join(', ') ?? '');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = parseReminderDays(text);
    setInvalid(parsed === null);
    if (parsed) void onSave(parsed);
    else input.current?.focus();
  };

  return (
    <form className="field" onSubmit={submit}>
      <label htmlFor={id}>{t('settings.reminders')}</label>
      <div className="with-button">
        <input
          ref={input}
          id={id}
          value={text}
          inputMode="numeric"
          disabled={!days || locked}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" disabled={!days || locked}>
          {t('settings.remindersSave')}
        </button>
      </div>
      <p id={`${id}-hint`} className="hint">
        {locked ? t('settings.lockedHint') : t('settings.remindersHint')}
      </p>
      {invalid && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t('settings.remindersInvalid')}
        </p>
      )}
    </form>
  );
}
