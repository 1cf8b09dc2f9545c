import { useTranslation } from 'react-i18next';
import { AppPasswordGuidePanel } from '../verify/AppPasswordGuidePanel';
import { StepActions } from './StepActions';

interface Props {
  providerId: string;
  providerName: string;
  /**
   * The provider uses another password while two-step verification is off (Aruba PEC): ask which case
   * applies rather than assume; core decides what the answer means for each password.
   */
  askTwoStep: boolean;
  twoStep: boolean | undefined;
  onTwoStep: (on: boolean) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: how to create the app password at this provider, with its page one click away. */
export function GuideStep({
  providerId,
  providerName,
  askTwoStep,
  twoStep,
  onTwoStep,
  onBack,
  onNext,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      {askTwoStep && (
        <fieldset className="two-step" data-testid="two-step-question">
          <legend>{t('wizard.twoStep.question', { provider: providerName })}</legend>
          <label>
            <input type="radio" name="two-step" checked={twoStep === true} onChange={() => onTwoStep(true)} />
            {t('wizard.twoStep.on')}
          </label>
          <label>
            <input
              type="radio"
              name="two-step"
              checked={twoStep === false}
              onChange={() => onTwoStep(false)}
            />
            {t('wizard.twoStep.off')}
          </label>
          <p className="hint">{t('wizard.twoStep.hint', { provider: providerName })}</p>
        </fieldset>
      )}
      {askTwoStep && twoStep === false && (
        <p className="notice" role="status">
          {t('wizard.twoStep.usualPassword', { provider: providerName })}
        </p>
      )}
      {(!askTwoStep || twoStep === true) && <AppPasswordGuidePanel providerId={providerId} />}
      <StepActions onBack={onBack} onNext={onNext} canGoOn={!askTwoStep || twoStep !== undefined} />
    </>
  );
}
