import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '@shared/i18n/languages';
import { certifiedTime, type PecTestProgress } from '@shared/pec';
import { pecTestPhrases } from '@shared/pec-test-text';
import { ErrorNotice } from '../../components/ErrorNotice';
import { usePecTest } from './use-pec-test';

interface Props {
  accountId: string;
  email: string;
}

function stepText(
  step: PecTestProgress,
  t: (key: string, params?: Record<string, unknown>) => string,
): string {
  switch (step.step) {
    case 'accepted':
      return t('pec.test.progress.accepted', { at: certifiedTime(step.at) });
    case 'delivered':
    case 'not-delivered':
      return t(`pec.test.progress.${step.step}`, { address: step.address });
    case 'waiting':
      return t('pec.test.progress.waiting', { seconds: step.seconds, limit: step.limitSeconds });
    default:
      return t(`pec.test.progress.${step.step}`);
  }
}

/**
 * "Does my PEC really work?": sends a test PEC (to the box itself unless another address is given) and shows
 * each receipt as it arrives, then what it proves. Escape stops waiting.
 */
export function PecTestPanel({ accountId, email }: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const { run, start, cancel } = usePecTest(accountId);
  const running = run.phase === 'running';
  const status = run.phase === 'running' || run.phase === 'done' ? run.status : null;
  const report = status?.report ?? null;
  const good = report?.outcome === 'delivered' || report?.outcome === 'accepted-ordinary';
  const stopButton = useRef<HTMLButtonElement>(null);
  const resultBox = useRef<HTMLDivElement>(null);

  // Focus follows the work: on "Stop waiting" while it runs (Escape works from there), then on the result.
  useEffect(() => {
    if (running) stopButton.current?.focus();
  }, [running]);
  useEffect(() => {
    if (report) resultBox.current?.focus();
  }, [report]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && running) {
      event.preventDefault();
      cancel();
    }
  };

  return (
    <div className="pec-test" data-testid="pec-test" onKeyDown={onKeyDown}>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('pec.ui.open')}
      </button>
      {open && (
        <form
          className="pec-test-body"
          onSubmit={(event) => {
            event.preventDefault();
            void start(to.trim() || undefined, isLanguage(i18n.language) ? i18n.language : 'en');
          }}
        >
          <p>{t('pec.ui.explain')}</p>
          <label htmlFor={`pec-to-${accountId}`}>{t('pec.ui.to')}</label>
          <input
            id={`pec-to-${accountId}`}
            type="email"
            value={to}
            placeholder={email}
            aria-describedby={`pec-to-hint-${accountId}`}
            disabled={running}
            onChange={(event) => setTo(event.target.value)}
          />
          <p className="hint" id={`pec-to-hint-${accountId}`}>
            {t('pec.ui.toHint')}
          </p>
          <div className="actions">
            <button type="submit" disabled={running}>
              {t('pec.ui.start')}
            </button>
            {running && (
              <button type="button" ref={stopButton} onClick={cancel} disabled={run.cancelling}>
                {t('pec.ui.stopWaiting')}
              </button>
            )}
          </div>
          {status && (
            <ol className="pec-test-steps" aria-live="polite" data-testid="pec-test-steps">
              {status.steps.map((step, index) => (
                <li key={`${step.step}-${index}`}>{stepText(step, t)}</li>
              ))}
            </ol>
          )}
          {report && (
            <div
              className={`notice ${good ? 'notice-ok' : 'notice-error'}`}
              role="status"
              tabIndex={-1}
              ref={resultBox}
              data-testid="pec-test-result"
            >
              {pecTestPhrases(report).map((phrase, index) => (
                <p key={`${phrase.key}-${index}`} className={index === 0 ? 'notice-title' : undefined}>
                  {t(phrase.key, phrase.params ?? {})}
                </p>
              ))}
            </div>
          )}
          {status?.error && <ErrorNotice error={status.error} />}
          {run.phase === 'error' && <ErrorNotice error={run.error} />}
        </form>
      )}
    </div>
  );
}
