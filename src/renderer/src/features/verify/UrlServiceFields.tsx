import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UrlFields } from './verify-form';
import { FieldError } from './FieldError';
import { ServiceFieldset } from './ServiceFieldset';

interface Props<F extends UrlFields> {
  service: 'caldav' | 'carddav' | 'webdav';
  fields: F;
  errors: Partial<Record<string, string>>;
  onChange: (fields: F) => void;
  children?: ReactNode;
}

export function UrlServiceFields<F extends UrlFields>({
  service,
  fields,
  errors,
  onChange,
  children,
}: Props<F>) {
  const { t } = useTranslation();
  const error = errors[`${service}.url`];
  return (
    <ServiceFieldset
      service={service}
      enabled={fields.enabled}
      onToggle={(enabled) => onChange({ ...fields, enabled })}
    >
      <div className="field">
        <label htmlFor={`${service}-url`}>{t('verify.form.url')}</label>
        <input
          id={`${service}-url`}
          type="url"
          placeholder="https://"
          value={fields.url}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${service}-url-error` : undefined}
          onChange={(event) => onChange({ ...fields, url: event.target.value })}
        />
        <FieldError id={`${service}-url-error`} messageKey={error} />
        {children}
      </div>
    </ServiceFieldset>
  );
}
