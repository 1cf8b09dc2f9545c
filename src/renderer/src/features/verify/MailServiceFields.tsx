import { useTranslation } from 'react-i18next';
import { type MailFields, withSecurity } from './verify-form';
import { FieldError } from './FieldError';
import { ServiceFieldset } from './ServiceFieldset';

interface Props {
  service: 'imap' | 'smtp';
  fields: MailFields;
  errors: Partial<Record<string, string>>;
  onChange: (fields: MailFields) => void;
}

export function MailServiceFields({ service, fields, errors, onChange }: Props) {
  const { t } = useTranslation();
  const id = (name: string): string => `${service}-${name}`;
  return (
    <ServiceFieldset
      service={service}
      enabled={fields.enabled}
      onToggle={(enabled) => onChange({ ...fields, enabled })}
    >
      <div className="field-row">
        <div className="field grow">
          <label htmlFor={id('host')}>{t('verify.form.host')}</label>
          <input
            id={id('host')}
            value={fields.host}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(errors[`${service}.host`])}
            aria-describedby={errors[`${service}.host`] ? `${id('host')}-error` : undefined}
            onChange={(event) => onChange({ ...fields, host: event.target.value })}
          />
          <FieldError id={`${id('host')}-error`} messageKey={errors[`${service}.host`]} />
        </div>
        <div className="field port">
          <label htmlFor={id('port')}>{t('verify.form.port')}</label>
          <input
            id={id('port')}
            inputMode="numeric"
            value={fields.port}
            aria-invalid={Boolean(errors[`${service}.port`])}
            aria-describedby={errors[`${service}.port`] ? `${id('port')}-error` : undefined}
            onChange={(event) => onChange({ ...fields, port: event.target.value })}
          />
          <FieldError id={`${id('port')}-error`} messageKey={errors[`${service}.port`]} />
        </div>
        <div className="field">
          <label htmlFor={id('security')}>{t('verify.form.security')}</label>
          <select
            id={id('security')}
            value={fields.security}
            onChange={(event) =>
              onChange(withSecurity(fields, service, event.target.value as MailFields['security']))
            }
          >
            <option value="tls">{t('verify.form.securityTls')}</option>
            <option value="starttls">{t('verify.form.securityStarttls')}</option>
          </select>
        </div>
      </div>
    </ServiceFieldset>
  );
}
