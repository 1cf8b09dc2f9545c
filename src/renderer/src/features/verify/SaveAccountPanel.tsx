import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '@shared/error-codes';
import type { AccountSelection, AccountSummary, CredentialKind } from '@shared/models';
import type { VerifyRequest } from '@shared/verify';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Props {
  request: VerifyRequest;
  secret: { password: string } | { loginFlowId: string };
  passwords: Record<string, string>;
  email: string;
  providerId?: string | undefined;
  /** The main credential's kind as the catalog knows it; the person may say otherwise. */
  kind?: CredentialKind | undefined;
  lifetimeDays: number | null;
  /** The person's answer: is two-step verification on at the provider (core decides what follows). */
  twoStep?: boolean | undefined;
  selection?: AccountSelection | undefined;
  /** Ticked at first (an IT profile said so); asked only without a catalog provider, which knows. */
  pec?: boolean;
  onSaved: (account: AccountSummary) => void;
}

const KINDS: CredentialKind[] = ['app-password', 'mailbox-password', 'account-password'];

/** After a check where everything worked: name it, say what kind of password it is, save. */
export function SaveAccountPanel(props: Props) {
  const { request, secret, passwords, email, providerId, lifetimeDays, onSaved } = props;
  const { t } = useTranslation();
  const [name, setName] = useState(email);
  const [kind, setKind] = useState<CredentialKind>(props.kind ?? 'app-password');
  const [lifetime, setLifetime] = useState(lifetimeDays === null ? '' : String(lifetimeDays));
  const today = new Date().toISOString().slice(0, 10);
  const [createdOn, setCreatedOn] = useState(today);
  const [pec, setPec] = useState(props.pec === true);
  const [state, setState] = useState<{ phase: 'idle' | 'saving' } | { phase: 'error'; error: WireError }>({
    phase: 'idle',
  });

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setState({ phase: 'saving' });
    const days = lifetime.trim() === '' ? null : Number(lifetime);
    try {
      const saved = await call('accounts:add', {
        request,
        ...secret,
        email,
        displayName: name,
        kind,
        lifetimeDays: days !== null && Number.isInteger(days) && days > 0 ? days : null,
        // Created earlier than today: its lifetime counts from that day, not from now.
        ...(kind === 'app-password' && /^\d{4}-\d{2}-\d{2}$/.test(createdOn) && createdOn < today
          ? { passwordsCreatedAt: `${createdOn}T00:00:00.000Z` }
          : {}),
        ...(providerId ? { providerId } : {}),
        ...(Object.keys(passwords).length > 0 ? { passwords } : {}),
        ...(props.twoStep !== undefined ? { twoStep: props.twoStep } : {}),
        ...(props.selection ? { selection: props.selection } : {}),
        ...(pec && !providerId ? { pec: true } : {}),
      });
      onSaved(saved);
    } catch (error) {
      setState({ phase: 'error', error: toWire(error) });
    }
  };

  return (
    <form className="save-account" onSubmit={save}>
      <div className="field">
        <label htmlFor="save-name">{t('accounts.save.name')}</label>
        <input id="save-name" value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="save-kind">{t('accounts.save.kind')}</label>
        <select
          id="save-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as CredentialKind)}
        >
          {KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`accounts.kind.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="save-lifetime">{t('accounts.save.lifetime')}</label>
        <input
          id="save-lifetime"
          inputMode="numeric"
          value={lifetime}
          aria-describedby="save-lifetime-hint"
          onChange={(event) => setLifetime(event.target.value)}
        />
        <p id="save-lifetime-hint" className="hint">
          {t('accounts.save.lifetimeHint')}
        </p>
      </div>
      {kind === 'app-password' && (
        <div className="field">
          <label htmlFor="save-created">{t('accounts.save.created')}</label>
          <input
            id="save-created"
            type="date"
            max={today}
            value={createdOn}
            aria-describedby="save-created-hint"
            onChange={(event) => setCreatedOn(event.target.value)}
          />
          <p id="save-created-hint" className="hint">
            {t('accounts.save.createdHint')}
          </p>
        </div>
      )}
      {!providerId && (
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={pec}
              aria-describedby="save-pec-hint"
              onChange={(event) => setPec(event.target.checked)}
            />{' '}
            {t('accounts.save.pec')}
          </label>
          <p id="save-pec-hint" className="hint">
            {t('accounts.save.pecHint')}
          </p>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={state.phase === 'saving'}>
          {state.phase === 'saving' ? t('accounts.save.saving') : t('accounts.save.submit')}
        </button>
      </div>
      {state.phase === 'error' && <ErrorNotice error={state.error} />}
    </form>
  );
}
