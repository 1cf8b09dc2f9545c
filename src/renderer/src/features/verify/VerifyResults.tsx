import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedCertificate, VerifyProgress } from '@shared/verify';
import { type AppPasswordHelp, ServiceResultRow } from './ServiceResultRow';

/** The rows, announced politely to screen readers as they change, and a one-line summary at the end. */
interface Props {
  progress: VerifyProgress;
  /** Offered on finished rows whose certificate was refused; absent where pinning makes no sense. */
  onTrustCertificate?: (certificate: PresentedCertificate) => void;
  appPassword?: AppPasswordHelp;
}

export function VerifyResults({ progress, onTrustCertificate, appPassword }: Props) {
  const cancelled = progress.done && progress.results.some((result) => result.code === 'CANCELLED');
  const { t } = useTranslation();
  const failed = progress.results.filter((result) => result.status !== 'ok').length;
  const count = progress.results.length;
  const region = useRef<HTMLDivElement>(null);
  // The rows appear below a long form: bring them into view when a check starts.
  useEffect(() => {
    region.current?.scrollIntoView?.({ block: 'nearest' });
  }, [progress.operationId]);
  return (
    <div ref={region} className="verify-results" aria-live="polite" aria-busy={!progress.done}>
      <ul className="result-list">
        {progress.results.map((result, index) => (
          <ServiceResultRow
            key={`${result.service}-${index}`}
            result={result}
            {...(progress.done && onTrustCertificate ? { onTrustCertificate } : {})}
            {...(appPassword ? { appPassword } : {})}
          />
        ))}
      </ul>
      {progress.done && (
        <p
          className={`summary ${failed === 0 ? 'summary-ok' : 'summary-failed'}`}
          data-testid="verify-summary"
        >
          {cancelled
            ? t('verify.summary.cancelled')
            : failed === 0
              ? t('verify.summary.allOk', { count })
              : t('verify.summary.someFailed', { failed, count })}
        </p>
      )}
    </div>
  );
}
