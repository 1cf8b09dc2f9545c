import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language';
import { FieldError } from './FieldError';
import {
  type CredentialMeta,
  enabledServices,
  type ExtraCredentialFields,
  type FormErrors,
  type VerifyForm,
} from './verify-form';

interface Props {
  form: VerifyForm;
  errors: FormErrors;
  onChange: <K extends 'username' | 'password' | 'extraCredentials'>(key: K, value: VerifyForm[K]) => void;
}

/**
 * The user name and password to check: one pair, or one per credential when the provider wants several
 * (each titled with the catalog's words for it, e.g. "Application password of the Infomaniak account").
 */
export function CredentialFields({ form, errors, onChange }: Props) {
  const { t } = useTranslation();
  const updateExtra = (index: number, change: Partial<ExtraCredentialFields>): void =>
    onChange(
      'extraCredentials',
      form.extraCredentials.map((extra, at) => (at === index ? { ...extra, ...change } : extra)),
    );
  return (
    <>
      <CredentialPair
        idPrefix="verify"
        legend={form.mainMeta ? undefined : t('verify.form.credentials')}
        meta={form.mainMeta}
        username={form.username}
        password={form.password}
        errors={{ username: errors.username, password: errors.password }}
        onUsername={(value) => onChange('username', value)}
        onPassword={(value) => onChange('password', value)}
        passwordFromSignIn={form.loginFlow !== undefined}
      />
      {form.extraCredentials.map((extra, index) =>
        // Asked for only while a ticked service uses it (kDrive's, once the drive is ticked).
        !enabledServices(form).some((service) => form.use[service] === extra.id) ? null : (
          <CredentialPair
            key={extra.id}
            idPrefix={`credential-${extra.id}`}
            meta={extra.meta}
            username={extra.username}
            password={extra.password}
            errors={{
              username: errors[`credentials.${extra.id}.username`],
              password: errors[`credentials.${extra.id}.password`],
            }}
            onUsername={(username) => updateExtra(index, { username })}
            onPassword={(password) => updateExtra(index, { password })}
          />
        ),
      )}
    </>
  );
}

interface PairProps {
  idPrefix: string;
  /** Shown when the catalog gives no name for the credential. */
  legend?: string | undefined;
  meta?: CredentialMeta | undefined;
  username: string;
  password: string;
  errors: { username?: string | undefined; password?: string | undefined };
  onUsername: (value: string) => void;
  onPassword: (value: string) => void;
  /** The provider handed core the password (Nextcloud sign-in): nothing to type, nothing shown. */
  passwordFromSignIn?: boolean;
}

function CredentialPair(props: PairProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const language = useLanguage();
  const { idPrefix: id, errors } = props;
  const hint = props.meta?.usernameHint?.[language] ?? t('verify.form.usernameHint');
  return (
    <fieldset className="credentials">
      <legend>{props.meta?.label[language] ?? props.legend}</legend>
      <div className="field">
        <label htmlFor={`${id}-username`}>{t('verify.form.username')}</label>
        <input
          id={`${id}-username`}
          value={props.username}
          autoComplete="username"
          spellCheck={false}
          aria-invalid={Boolean(errors.username)}
          aria-describedby={`${id}-username-hint${errors.username ? ` ${id}-username-error` : ''}`}
          onChange={(event) => props.onUsername(event.target.value)}
        />
        <p id={`${id}-username-hint`} className="hint">
          {hint}
        </p>
        <FieldError id={`${id}-username-error`} messageKey={errors.username} />
      </div>
      {props.passwordFromSignIn ? (
        <p className="notice" data-testid="password-from-sign-in">
          {t('nextcloud.passwordKept')}
        </p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('verify.form.password')}</label>
          <div className="with-button">
            <input
              id={`${id}-password`}
              type={visible ? 'text' : 'password'}
              value={props.password}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={Boolean(errors.password)}
              aria-describedby={errors.password ? `${id}-password-error` : undefined}
              onChange={(event) => props.onPassword(event.target.value)}
            />
            <button
              type="button"
              aria-pressed={visible}
              aria-controls={`${id}-password`}
              onClick={() => setVisible(!visible)}
            >
              {visible ? t('verify.form.hide') : t('verify.form.show')}
            </button>
          </div>
          <FieldError id={`${id}-password-error`} messageKey={errors.password} />
        </div>
      )}
    </fieldset>
  );
}
