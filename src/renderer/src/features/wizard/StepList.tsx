import { useTranslation } from 'react-i18next';
import { isSkipped, STEPS, type StepId, type WizardFacts } from './wizard-steps';

/** Where the person is: every step by name, the current one marked, skipped ones said to be skipped. */
export function StepList({ current, facts }: { current: StepId; facts: WizardFacts }) {
  const { t } = useTranslation();
  const at = STEPS.indexOf(current);
  return (
    <ol className="step-list" aria-label={t('wizard.progress')}>
      {STEPS.map((step, index) => {
        const skipped = isSkipped(step, facts);
        return (
          <li
            key={step}
            aria-current={step === current ? 'step' : undefined}
            className={skipped ? 'skipped' : index < at ? 'done' : undefined}
          >
            {t(`wizard.steps.${step}`)}
            {skipped && <span className="visually-hidden"> ({t('wizard.skipped')})</span>}
          </li>
        );
      })}
    </ol>
  );
}
