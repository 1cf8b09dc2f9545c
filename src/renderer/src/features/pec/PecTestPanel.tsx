import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '@shared/i18n/languages';
import { pecProgressPhrase, pecTestPhrases } from '@shared/pec-test-text';
import type { Phrase } from '@shared/verify-summary';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PhrasesNotice } from '../../components/PhrasesNotice';
import { useRunFocus } from '../../components/use-run-focus';
import { usePecTest } from './use-pec-test';

interface Props {
  accountId: string;
  email: string;
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
  const { stopButton, resultBox, onKeyDown } = useRunFocus(running, report, cancel);
  const phraseText = (phrase: Phrase): string => t(phrase.key, phrase.params ?? {});

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
                <li key={`${step.step}-${index}`}>{phraseText(pecProgressPhrase(step))}</li>
              ))}
            </ol>
          )}
          {report && (
            <PhrasesNotice
              phrases={pecTestPhrases(report)}
              good={report.outcome === 'delivered' || report.outcome === 'accepted-ordinary'}
              testId="pec-test-result"
              ref={resultBox}
            />
          )}
          {status?.error && <ErrorNotice error={status.error} />}
          {run.phase === 'error' && <ErrorNotice error={run.error} />}
        </form>
      )}
    </div>
  );
}
