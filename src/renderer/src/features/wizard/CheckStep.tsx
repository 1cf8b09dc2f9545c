import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveryResult } from '@shared/discovery';
import type { PresentedCertificate } from '@shared/verify';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { RunState } from '../verify/use-verify-run';
import { VerifyResults } from '../verify/VerifyResults';
import { StepActions } from './StepActions';

interface Props {
  state: RunState;
  discovered: DiscoveryResult | null;
  onCancel: () => void;
  onTrustCertificate: (certificate: PresentedCertificate) => void;
  onBack: () => void;
  onRetry: () => void;
  onNext: () => void;
  canGoOn: boolean;
}

/** Step 4: each service's progress, then what works, what does not and what to do; Escape cancels. */
export function CheckStep({
  state,
  discovered,
  onCancel,
  onTrustCertificate,
  onBack,
  onRetry,
  onNext,
  canGoOn,
}: Props) {
  const { t } = useTranslation();
  const running = state.phase === 'running';

  useEffect(() => {
    if (!running) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running, onCancel]);

  const provider = discovered?.provider;
  return (
    <>
      {state.phase === 'error' && <ErrorNotice error={state.error} />}
      {(state.phase === 'running' || state.phase === 'done') && (
        <VerifyResults
          progress={state.progress}
          onTrustCertificate={onTrustCertificate}
          {...(provider?.createUrl
            ? { appPassword: { provider: provider.name, createUrl: provider.createUrl } }
            : {})}
        />
      )}
      {running ? (
        <StepActions>
          <button type="button" onClick={onCancel} disabled={state.cancelling}>
            {t('verify.form.cancel')}
          </button>
        </StepActions>
      ) : (
        <StepActions onBack={onBack} onNext={onNext} canGoOn={canGoOn}>
          <button type="button" onClick={onRetry}>
            {t('verify.form.checkAgain')}
          </button>
        </StepActions>
      )}
    </>
  );
}
