import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { DiscoveryResult } from '@shared/discovery';
import type { PresentedCertificate, VerifyRequest } from '@shared/verify';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { applyDiscovery } from './apply-discovery';
import { AppPasswordGuidePanel } from './AppPasswordGuidePanel';
import { CredentialFields } from './CredentialFields';
import { DiscoveryPanel } from './DiscoveryPanel';
import { SaveAccountPanel } from './SaveAccountPanel';
import { MailServiceFields } from './MailServiceFields';
import { TrustFileField } from './TrustFileField';
import { UrlServiceFields } from './UrlServiceFields';
import { VerifyResults } from './VerifyResults';
import { emptyForm, type FormErrors, toRequest, type VerifyForm } from './verify-form';
import { useVerifyRun } from './use-verify-run';

/**
 * The "custom server" check: settings and a password in, one row per service out. What was typed stays
 * when the check ends, so "check again" after fixing one field is one click.
 */
export function VerifyScreen() {
  const { t } = useTranslation();
  const [form, setForm] = useState<VerifyForm>(emptyForm);
  const [errors, setErrors] = useState<FormErrors>({});
  const { state, start, cancel } = useVerifyRun();
  const running = state.phase === 'running';
  const formRef = useRef<HTMLFormElement>(null);
  const [checked, setChecked] = useState<{ request: VerifyRequest; password: string } | null>(null);
  const [discovered, setDiscovered] = useState<DiscoveryResult | null>(null);

  // Escape cancels a running check, wherever the focus is.
  useEffect(() => {
    if (!running) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running, cancel]);

  // After a refused submit, take the person to the first thing to fix (once the errors are rendered).
  useEffect(() => {
    if (Object.keys(errors).length > 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [errors]);

  const update = <K extends keyof VerifyForm>(key: K, value: VerifyForm[K]): void =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const check = (current: VerifyForm): void => {
    const checked = toRequest(current);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setChecked({ request: checked.request, password: checked.password });
    void start(checked.request, checked.password);
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    check(form);
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

  return (
    <section aria-labelledby="verify-title" className="verify-screen">
      <h2 id="verify-title">{t('verify.title')}</h2>
      <p className="intro">{t('verify.intro')}</p>
      <DiscoveryPanel
        disabled={running}
        onFound={(result) => {
          setDiscovered(result);
          setForm((previous) => applyDiscovery(previous, result));
        }}
      />
      {discovered?.provider?.createUrl && <AppPasswordGuidePanel providerId={discovered.provider.id} />}
      <form ref={formRef} onSubmit={submit} noValidate>
        <CredentialFields form={form} errors={errors} disabled={running} onChange={update} />
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
            disabled={running}
            onChange={(fields) => update(service, fields)}
          />
        ))}
        {(['caldav', 'carddav'] as const).map((service) => (
          <UrlServiceFields
            key={service}
            service={service}
            fields={form[service]}
            errors={errors}
            disabled={running}
            onChange={(fields) => update(service, fields)}
          />
        ))}
        <UrlServiceFields
          service="webdav"
          fields={form.webdav}
          errors={errors}
          disabled={running}
          onChange={(v) => update('webdav', v)}
        >
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.webdav.writeTest}
              onChange={(event) => update('webdav', { ...form.webdav, writeTest: event.target.checked })}
            />{' '}
            {t('verify.form.writeTest')}
          </label>
        </UrlServiceFields>
        <TrustFileField
          trust={form.trust}
          pinned={form.pinned}
          disabled={running}
          onChange={(trust) => update('trust', trust)}
          onUnpin={(sha256) =>
            update(
              'pinned',
              form.pinned.filter((pin) => pin.sha256 !== sha256),
            )
          }
        />
        <div className="actions">
          {running ? (
            <button type="button" onClick={cancel} disabled={state.cancelling}>
              {t('verify.form.cancel')}
            </button>
          ) : (
            <button type="submit" className="primary">
              {state.phase === 'idle' ? t('verify.form.check') : t('verify.form.checkAgain')}
            </button>
          )}
        </div>
      </form>
      {state.phase === 'error' && <ErrorNotice error={state.error} />}
      {(state.phase === 'running' || state.phase === 'done') && (
        <VerifyResults
          progress={state.progress}
          onTrustCertificate={trustCertificate}
          {...(discovered?.provider?.createUrl
            ? {
                appPassword: { provider: discovered.provider.name, createUrl: discovered.provider.createUrl },
              }
            : {})}
        />
      )}
      {state.phase === 'done' && checked && state.progress.results.every((r) => r.status === 'ok') && (
        <SaveAccountPanel
          key={state.progress.operationId}
          request={checked.request}
          password={checked.password}
          email={discovered?.email ?? checked.request.username}
          {...(discovered?.provider ? { providerId: discovered.provider.id } : {})}
          lifetimeDays={discovered?.provider?.lifetimeDays ?? null}
          onSaved={() => undefined}
        />
      )}
    </section>
  );
}
