import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '@shared/error-codes';
import type { AccountSummary } from '@shared/models';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Props {
  account: AccountSummary;
  /** The account's record changed in core (drive connected or disconnected). */
  onChanged?: () => void;
}

type State =
  | { phase: 'idle' }
  | { phase: 'working' }
  | { phase: 'done'; location: string | null }
  | { phase: 'error'; error: WireError };

/** The account's drive on this computer: connect it (password from the keychain), or take it back. */
export function DriveTarget({ account, onChanged }: Props) {
  const { t } = useTranslation();
  const recorded = account.targets.find((target) => target.target === 'mount')?.location ?? null;
  const [state, setState] = useState<State>({ phase: 'idle' });
  if (!account.services.includes('webdav')) return null;
  const location = state.phase === 'done' ? state.location : recorded;

  const act = async (connect: boolean): Promise<void> => {
    setState({ phase: 'working' });
    try {
      if (connect) {
        const outcome = await call('targets:configure', { id: account.id, target: 'mount' });
        setState({ phase: 'done', location: outcome.location });
      } else {
        await call('targets:unconfigure', { id: account.id, target: 'mount' });
        setState({ phase: 'done', location: null });
      }
      onChanged?.();
    } catch (error) {
      setState({ phase: 'error', error: toWire(error) });
    }
  };

  return (
    <div className="drive-target" data-testid="drive-target">
      <div aria-live="polite">
        {state.phase === 'working' && <p aria-busy="true">{t('targets.drive.working')}</p>}
        {state.phase !== 'working' && location && <p>{t('targets.drive.connected', { location })}</p>}
        {state.phase === 'done' && !location && <p>{t('targets.drive.disconnected')}</p>}
        {state.phase === 'error' && <ErrorNotice error={state.error} />}
      </div>
      <button type="button" disabled={state.phase === 'working'} onClick={() => void act(!location)}>
        {location ? t('targets.drive.disconnect') : t('targets.drive.connect')}
      </button>
    </div>
  );
}
