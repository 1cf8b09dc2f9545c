import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '@shared/error-codes';
import type { ProfileAccountPreview, ProfileImport as Imported } from '@shared/profile';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { needsLogin } from './profile-form';

interface Props {
  /** The person chose a template and gave their address (and login where needed). */
  onUse: (template: ProfileAccountPreview, email: string, login: string) => Promise<void>;
  /** Opened from the menu: the file button takes the focus. */
  focus?: boolean;
}

/**
 * "My IT department gave me a profile": chosen with a button or dropped on the box, checked by core, then one
 * of its accounts pre-fills the wizard with the person's address. Nothing is saved until the wizard saves.
 */
export function ProfileImport({ onUse, focus = false }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [imported, setImported] = useState<Imported | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  const [choice, setChoice] = useState(0);
  const [email, setEmail] = useState('');
  const [login, setLogin] = useState('');
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const fileButton = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focus) fileButton.current?.focus();
  }, [focus]);

  const read = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setError(null);
    try {
      setImported(await call('profiles:preview', { text: await file.text() }));
      setChoice(0);
    } catch (caught) {
      setError(toWire(caught));
    }
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setOver(false);
    void read(event.dataTransfer.files[0]);
  };
  const profile = imported?.valid ? imported.profile : null;
  const template = profile?.accounts[choice];

  return (
    <div
      className={`profile-import${over ? ' profile-import-over' : ''}`}
      data-testid="profile-import"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={`${id}-file`}>{t('profileImport.label')}</label>
      <input
        ref={fileButton}
        id={`${id}-file`}
        type="file"
        accept=".json,application/json"
        onChange={(event) => void read(event.target.files?.[0])}
      />
      <p className="hint">{t('profileImport.hint')}</p>
      {error && <ErrorNotice error={error} />}
      {imported && !imported.valid && (
        <div className="notice notice-error" role="alert" data-testid="profile-problems">
          <p className="notice-title">{t('profile.invalid')}</p>
          <ul>
            {imported.problems.map((problem) => (
              <li key={`${problem.pointer}:${problem.message}`}>
                <code>{problem.pointer || '/'}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {profile && template && (
        <form
          className="profile-use"
          onSubmit={(event) => {
            event.preventDefault();
            setBusy(true);
            setError(null);
            void onUse(template, email.trim(), login.trim() || email.trim())
              .catch((caught: unknown) => setError(toWire(caught)))
              .finally(() => setBusy(false));
          }}
        >
          <p role="status">
            {t('profileImport.from', { organisation: profile.organisation.name })}
            {profile.organisation.support?.email && (
              <> {t('settings.managedSupport', { contact: profile.organisation.support.email })}</>
            )}
          </p>
          {profile.accounts.length > 1 && (
            <fieldset>
              <legend>{t('profileImport.which')}</legend>
              {profile.accounts.map((entry, index) => (
                <label className="checkbox" key={entry.key}>
                  <input
                    type="radio"
                    name={`${id}-which`}
                    checked={choice === index}
                    onChange={() => setChoice(index)}
                  />{' '}
                  {entry.displayName ?? entry.providerName ?? entry.key}
                </label>
              ))}
            </fieldset>
          )}
          <label htmlFor={`${id}-email`}>{t('profileImport.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          {needsLogin(template) && (
            <>
              <label htmlFor={`${id}-login`}>{t('profileImport.login')}</label>
              <input
                id={`${id}-login`}
                required
                value={login}
                onChange={(event) => setLogin(event.target.value)}
              />
            </>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('profileImport.use')}
          </button>
        </form>
      )}
    </div>
  );
}
