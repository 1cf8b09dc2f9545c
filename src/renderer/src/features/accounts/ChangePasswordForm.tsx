import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '@shared/error-codes';
import type { CredentialSummary, PasswordChange } from '@shared/models';
import { normalizePastedPassword } from '@shared/normalize-password';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AppPasswordGuidePanel } from '../verify/AppPasswordGuidePanel';
import { VerifyResults } from '../verify/VerifyResults';

interface Props {
  accountId: string;
  /** The catalog provider: its app-password steps and page come first (a rotation starts there). */
  providerId?: string | null;
  credential: CredentialSummary;
  onDone: (change: PasswordChange) => void;
  onClose: () => void;
}

type State =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'done'; change: PasswordChange }
  | { phase: 'error'; error: WireError };

/**
 * A new password for one credential (the person made a new app password): checked on every service that
 * uses it before it replaces the old one; a refused one changes nothing.
 */
export function ChangePasswordForm({ accountId, providerId, credential, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const id = `change-${accountId}-${credential.id}`;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (password === '') return;
    setState({ phase: 'checking' });
    try {
      const change = await call('accounts:change-password', {
        id: accountId,
        credentialId: credential.id,
        password: normalizePastedPassword(password),
      });
      setState({ phase: 'done', change });
      if (change.saved) {
        setPassword('');
        onDone(change);
      }
    } catch (error) {
      setState({ phase: 'error', error: toWire(error) });
    }
  };

  return (
    <form className="change-password" onSubmit={submit} aria-label={t('accounts.change.title')}>
      {providerId && credential.kind === 'app-password' && <AppPasswordGuidePanel providerId={providerId} />}
      <div className="field">
        <label htmlFor={id}>{t('accounts.change.label', { username: credential.username })}</label>
        <div className="with-button">
          <input
            id={id}
            type={visible ? 'text' : 'password'}
            value={password}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            onChange={(event) => setPassword(event.target.value)}
          />
          <button
            type="button"
            aria-pressed={visible}
            aria-controls={id}
            onClick={() => setVisible(!visible)}
          >
            {visible ? t('verify.form.hide') : t('verify.form.show')}
          </button>
        </div>
        <p className="hint">{t('accounts.change.hint')}</p>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={state.phase === 'checking' || password === ''}>
          {state.phase === 'checking' ? t('accounts.change.checking') : t('accounts.change.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('accounts.change.close')}
        </button>
      </div>
      <div aria-live="polite">
        {state.phase === 'error' && <ErrorNotice error={state.error} />}
        {state.phase === 'done' && state.change.saved && (
          <>
            <p className="notice" role="status">
              {t('accounts.change.saved')}
            </p>
            {state.change.notes.map((note) => (
              <p key={note} className="hint">
                {t(`rotate.notes.${note}`)}
              </p>
            ))}
          </>
        )}
        {state.phase === 'done' && !state.change.saved && (
          <>
            <p className="notice notice-error">{t('accounts.change.notSaved')}</p>
            <VerifyResults
              progress={{ operationId: id, done: true, version: 1, results: state.change.results }}
            />
          </>
        )}
      </div>
    </form>
  );
}
