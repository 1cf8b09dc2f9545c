import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from './FieldError';
import type { FormErrors, VerifyForm } from './verify-form';

interface Props {
  form: VerifyForm;
  errors: FormErrors;
  disabled: boolean;
  onChange: <K extends 'username' | 'password'>(key: K, value: VerifyForm[K]) => void;
}

export function CredentialFields({ form, errors, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <fieldset className="credentials" disabled={disabled}>
      <legend>{t('verify.form.credentials')}</legend>
      <div className="field">
        <label htmlFor="verify-username">{t('verify.form.username')}</label>
        <input
          id="verify-username"
          value={form.username}
          autoComplete="username"
          spellCheck={false}
          aria-invalid={Boolean(errors.username)}
          aria-describedby="verify-username-hint"
          onChange={(event) => onChange('username', event.target.value)}
        />
        <p id="verify-username-hint" className="hint">
          {t('verify.form.usernameHint')}
        </p>
        <FieldError id="verify-username-error" messageKey={errors.username} />
      </div>
      <div className="field">
        <label htmlFor="verify-password">{t('verify.form.password')}</label>
        <div className="with-button">
          <input
            id="verify-password"
            type={visible ? 'text' : 'password'}
            value={form.password}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(errors.password)}
            aria-describedby={errors.password ? 'verify-password-error' : undefined}
            onChange={(event) => onChange('password', event.target.value)}
          />
          <button
            type="button"
            aria-pressed={visible}
            aria-controls="verify-password"
            onClick={() => setVisible(!visible)}
          >
            {visible ? t('verify.form.hide') : t('verify.form.show')}
          </button>
        </div>
        <FieldError id="verify-password-error" messageKey={errors.password} />
      </div>
    </fieldset>
  );
}
