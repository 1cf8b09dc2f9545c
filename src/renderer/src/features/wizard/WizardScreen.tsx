import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveryResult } from '@shared/discovery';
import type { AccountSelection, AccountSummary } from '@shared/models';
import type { PresentedCertificate } from '@shared/verify';
import { applyDiscovery } from '../verify/apply-discovery';
import { useVerifyRun } from '../verify/use-verify-run';
import {
  type CheckedForm,
  emptyForm,
  type FormErrors,
  mainSecret,
  toRequest,
  type VerifyForm,
} from '../verify/verify-form';
import { AccountStep } from './AccountStep';
import { formFromTemplate } from './profile-form';
import type { ProfileAccountPreview } from '@shared/profile';
import { call } from '../../api/ponte-client';
import { CheckStep } from './CheckStep';
import { ChooseStep } from './ChooseStep';
import { GuideStep } from './GuideStep';
import { SaveStep } from './SaveStep';
import { SignInStep } from './SignInStep';
import { StepList } from './StepList';
import { defaultSelection } from './selection';
import { nextStep, previousStep, type StepId, type WizardFacts } from './wizard-steps';

interface Props {
  onShowAccounts: () => void;
  /** Opened to import an IT profile (the menu): its file button takes the focus. */
  importProfile?: boolean;
}

/**
 * Adding an account, one step at a time: who (address or provider) → the provider's app-password guide →
 * sign-in → check → choose what to set up → save. Everything typed survives going back and forth.
 */
export function WizardScreen({ onShowAccounts, importProfile = false }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<StepId>('account');
  const [form, setForm] = useState<VerifyForm>(emptyForm);
  const [errors, setErrors] = useState<FormErrors>({});
  const [discovered, setDiscovered] = useState<DiscoveryResult | null>(null);
  const [custom, setCustom] = useState(false);
  const [checked, setChecked] = useState<CheckedForm | null>(null);
  const [selection, setSelection] = useState<AccountSelection | null>(null);
  const [saved, setSaved] = useState<AccountSummary | null>(null);
  const run = useVerifyRun();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const results = run.state.phase === 'done' ? run.state.progress.results : [];
  const facts: WizardFacts = {
    discovered,
    custom,
    allOk: results.length > 0 && results.every((result) => result.status === 'ok'),
  };

  // Each step starts with its title focused: screen readers announce it, Tab goes on from there.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const go = (target: StepId | null): void => {
    if (target) setStep(target);
  };

  const check = (current: VerifyForm): void => {
    const outcome = toRequest(current);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return;
    }
    setErrors({});
    setChecked(outcome);
    setSelection(null);
    setStep('check');
    void run.start(outcome.request, mainSecret(outcome), outcome.passwords);
  };

  // The person compared the fingerprint and trusts this certificate: pin it and check again at once.
  const trustCertificate = (certificate: PresentedCertificate): void => {
    const pinned = [
      ...form.pinned.filter((pin) => pin.sha256 !== certificate.sha256),
      { sha256: certificate.sha256, pem: certificate.pem },
    ];
    const next = { ...form, pinned };
    setForm(next);
    check(next);
  };

  // An IT profile's account: its provider's settings for this address, or its own servers, in the sign-in form.
  const startFromProfile = async (
    template: ProfileAccountPreview,
    email: string,
    login: string,
  ): Promise<void> => {
    if (template.provider) {
      const result = await call('discovery:run', { email, providerId: template.provider });
      setDiscovered(result);
      setCustom(false);
      setForm((previous) => applyDiscovery(previous, result));
      go(nextStep('account', { ...facts, discovered: result, custom: false }));
      return;
    }
    setDiscovered(null);
    setCustom(true);
    setForm(formFromTemplate(template, email, login));
    go(nextStep('account', { ...facts, discovered: null, custom: true }));
  };

  const restart = (): void => {
    setStep('account');
    setForm(emptyForm());
    setDiscovered(null);
    setCustom(false);
    setChecked(null);
    setSelection(null);
    setSaved(null);
  };

  return (
    <section aria-labelledby="wizard-step-title" className="wizard">
      <h2>{t('wizard.title')}</h2>
      <StepList current={step} facts={facts} />
      <h3 id="wizard-step-title" ref={headingRef} tabIndex={-1} className="step-title">
        {t(`wizard.steps.${step}`)}
      </h3>
      {step === 'account' && (
        <AccountStep
          discovered={discovered}
          onProfile={startFromProfile}
          focusImport={importProfile}
          onFound={(result) => {
            setDiscovered(result);
            setCustom(false);
            if (result) setForm((previous) => applyDiscovery(previous, result));
          }}
          onCustom={() => {
            setDiscovered(null);
            setCustom(true);
            go(nextStep('account', { ...facts, discovered: null, custom: true }));
          }}
          onNext={() => go(nextStep('account', facts))}
          canGoOn={nextStep('account', facts) !== null}
        />
      )}
      {step === 'guide' && discovered?.provider && (
        <GuideStep
          providerId={discovered.provider.id}
          providerName={discovered.provider.name}
          askTwoStep={discovered.provider.credentials.some((c) => c.kindWithoutTwoStep !== undefined)}
          twoStep={form.twoStep}
          onTwoStep={(on) => setForm((previous) => ({ ...previous, twoStep: on }))}
          onBack={() => go(previousStep('guide', facts))}
          onNext={() => go(nextStep('guide', facts))}
        />
      )}
      {step === 'signin' && (
        <SignInStep
          form={form}
          errors={errors}
          facts={facts}
          onChange={setForm}
          onBack={() => go(previousStep('signin', facts))}
          onCheck={() => check(form)}
        />
      )}
      {step === 'check' && (
        <CheckStep
          state={run.state}
          discovered={discovered}
          onCancel={run.cancel}
          onTrustCertificate={trustCertificate}
          onBack={() => go('signin')}
          onRetry={() => check(form)}
          onNext={() => {
            setSelection((current) => current ?? defaultSelection(results));
            go(nextStep('check', facts));
          }}
          canGoOn={facts.allOk}
        />
      )}
      {step === 'choose' && selection && (
        <ChooseStep
          results={results}
          selection={selection}
          onChange={setSelection}
          onBack={() => go('check')}
          onNext={() => go('save')}
        />
      )}
      {step === 'save' && checked && selection && (
        <SaveStep
          checked={checked}
          form={form}
          discovered={discovered}
          selection={selection}
          saved={saved}
          onSaved={setSaved}
          onBack={() => go('choose')}
          onShowAccounts={onShowAccounts}
          onAnother={restart}
        />
      )}
    </section>
  );
}
