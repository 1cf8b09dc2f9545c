import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onBack?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
  /** Next stays visible but disabled until the step's work is done, so the person sees what comes. */
  canGoOn?: boolean;
  nextLabel?: string;
  children?: ReactNode;
}

/** The row of buttons every step ends with: Back on the left, the step's own actions, Next last. */
export function StepActions({ onBack, onNext, canGoOn = true, nextLabel, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="actions step-actions">
      {onBack && (
        <button type="button" onClick={onBack}>
          {t('wizard.back')}
        </button>
      )}
      {children}
      {onNext && (
        <button type="button" className="primary" disabled={!canGoOn} onClick={onNext}>
          {nextLabel ?? t('wizard.next')}
        </button>
      )}
    </div>
  );
}
