import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '@shared/error-codes';
import type { LoginFlowStatus } from '@shared/models';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Props {
  /** A private CA chosen in the server settings, for a company Nextcloud. */
  caPem?: string | undefined;
  onGranted: (flow: { flowId: string; server: string; loginName: string }) => void;
}

type State =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'following'; status: LoginFlowStatus }
  | { phase: 'error'; error: WireError };

/**
 * Nextcloud signs Ponte in itself (Login Flow v2): the person names the server, approves in their browser,
 * and Nextcloud creates the app password and hands it to Ponte's core. Nothing to copy or paste.
 */
export function NextcloudSignIn({ caPem, onGranted }: Props) {
  const { t } = useTranslation();
  const [server, setServer] = useState('');
  const [state, setState] = useState<State>({ phase: 'idle' });
  const following = useRef<string | null>(null);

  // Leaving the step stops a sign-in still waiting.
  useEffect(
    () => () => {
      const flowId = following.current;
      following.current = null;
      if (flowId) void call('nextcloud:cancel', { flowId }).catch(() => undefined);
    },
    [],
  );

  const start = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setState({ phase: 'starting' });
    try {
      let status = await call('nextcloud:start', { server, ...(caPem ? { caPem } : {}) });
      following.current = status.flowId;
      setState({ phase: 'following', status });
      while (status.state === 'waiting' && following.current === status.flowId) {
        status = await call('nextcloud:status', { flowId: status.flowId, afterVersion: status.version });
        if (following.current === status.flowId) setState({ phase: 'following', status });
      }
      if (status.state === 'granted' && status.server && status.loginName) {
        following.current = null;
        onGranted({ flowId: status.flowId, server: status.server, loginName: status.loginName });
      }
    } catch (error) {
      setState({ phase: 'error', error: toWire(error) });
    }
  };

  const cancel = (): void => {
    const flowId = following.current;
    following.current = null;
    if (flowId)
      void call('nextcloud:cancel', { flowId }).then((status) => setState({ phase: 'following', status }));
  };

  const status = state.phase === 'following' ? state.status : null;
  const waiting = state.phase === 'starting' || status?.state === 'waiting';
  return (
    <form className="notice nextcloud-sign-in" onSubmit={start} data-testid="nextcloud-sign-in">
      <p className="notice-title">{t('nextcloud.title')}</p>
      <p>{t('nextcloud.intro')}</p>
      <div className="field">
        <label htmlFor="nextcloud-server">{t('nextcloud.server')}</label>
        <div className="with-button">
          <input
            id="nextcloud-server"
            value={server}
            aria-describedby="nextcloud-server-hint"
            autoComplete="url"
            spellCheck={false}
            disabled={waiting}
            onChange={(event) => setServer(event.target.value)}
          />
          <button type="submit" className="primary" disabled={waiting || server.trim().length < 3}>
            {t('nextcloud.start')}
          </button>
        </div>
        <p id="nextcloud-server-hint" className="hint">
          {t('nextcloud.serverHint')}
        </p>
      </div>
      <div aria-live="polite" data-testid="nextcloud-status">
        {waiting && (
          <p aria-busy="true">
            {t('nextcloud.waiting')}{' '}
            <button type="button" onClick={cancel}>
              {t('verify.form.cancel')}
            </button>
          </p>
        )}
        {status && status.state === 'waiting' && (
          <p className="hint">{t('nextcloud.notOpened', { url: status.loginUrl })}</p>
        )}
        {status?.state === 'granted' && <p>{t('nextcloud.granted', { login: status.loginName })}</p>}
        {status && ['expired', 'failed', 'cancelled'].includes(status.state) && (
          <p className="notice notice-error">{t(`nextcloud.${status.state}`)}</p>
        )}
        {state.phase === 'error' && <ErrorNotice error={state.error} />}
      </div>
    </form>
  );
}
