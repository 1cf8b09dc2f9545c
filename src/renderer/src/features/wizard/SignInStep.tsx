import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLoginFlow } from '../verify/apply-discovery';
import { CredentialFields } from '../verify/CredentialFields';
import { MailServiceFields } from '../verify/MailServiceFields';
import { TrustFileField } from '../verify/TrustFileField';
import { UrlServiceFields } from '../verify/UrlServiceFields';
import type { FormErrors, VerifyForm } from '../verify/verify-form';
import { NextcloudSignIn } from './NextcloudSignIn';
import { StepActions } from './StepActions';
import { guideSkipReason, type WizardFacts } from './wizard-steps';

interface Props {
  form: VerifyForm;
  errors: FormErrors;
  facts: WizardFacts;
  onChange: (form: VerifyForm) => void;
  onBack: () => void;
  onCheck: () => void;
}

/**
 * Step 3: the password(s), and the server settings discovery filled in (open for a custom server, folded
 * away otherwise: most people never need to see them).
 */
export function SignInStep({ form, errors, facts, onChange, onBack, onCheck }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const update = <K extends keyof VerifyForm>(key: K, value: VerifyForm[K]): void =>
    onChange({ ...form, [key]: value });
  const skip = guideSkipReason(facts);
  const provider = facts.discovered?.provider;
  // Settings with an error are opened, so the focus below can reach the field.
  const settingsHaveErrors = Object.keys(errors).some((key) =>
    /^(imap|smtp|caldav|carddav|webdav)\./.test(key),
  );

  // After a refused submit, take the person to the first thing to fix (once the errors are rendered).
  useEffect(() => {
    if (Object.keys(errors).length > 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [errors]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onCheck();
  };

  return (
    <>
      {provider?.signIn === 'nextcloud-login-flow-v2' && (
        <NextcloudSignIn caPem={form.trust?.pem} onGranted={(flow) => onChange(applyLoginFlow(form, flow))} />
      )}
      <form ref={formRef} onSubmit={submit} noValidate className="signin-step">
        {skip === 'noAppPassword' && provider && (
          <p className="notice">{t('wizard.noAppPassword', { provider: provider.name })}</p>
        )}
        <CredentialFields form={form} errors={errors} onChange={(key, value) => update(key, value)} />
        <details className="server-settings" open={facts.custom || settingsHaveErrors || undefined}>
          <summary>{t('wizard.serverSettings')}</summary>
          {errors.services && (
            <p className="field-error" role="alert">
              {t(errors.services)}
            </p>
          )}
          {(['imap', 'smtp'] as const).map((service) => (
            <MailServiceFields
              key={service}
              service={service}
              fields={form[service]}
              errors={errors}
              onChange={(fields) => update(service, fields)}
            />
          ))}
          {(['caldav', 'carddav', 'webdav'] as const).map((service) => (
            <UrlServiceFields
              key={service}
              service={service}
              fields={form[service]}
              errors={errors}
              onChange={(fields) => update(service, { ...form[service], ...fields })}
            >
              {service === 'webdav' && (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.webdav.writeTest}
                    onChange={(event) =>
                      update('webdav', { ...form.webdav, writeTest: event.target.checked })
                    }
                  />{' '}
                  {t('verify.form.writeTest')}
                </label>
              )}
            </UrlServiceFields>
          ))}
          <TrustFileField
            trust={form.trust}
            pinned={form.pinned}
            onChange={(trust) => update('trust', trust)}
            onUnpin={(sha256) =>
              update(
                'pinned',
                form.pinned.filter((pin) => pin.sha256 !== sha256),
              )
            }
          />
        </details>
        <StepActions onBack={onBack}>
          <button type="submit" className="primary">
            {t('verify.form.check')}
          </button>
        </StepActions>
      </form>
    </>
  );
}
