import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceKind } from '@shared/verify';

interface Props {
  service: ServiceKind;
  enabled: boolean;
  onToggle: (enabled: boolean) => void;
  children: ReactNode;
}

/** One service's box: a "Check …" checkbox as its legend, its fields only while it is ticked. */
export function ServiceFieldset({ service, enabled, onToggle, children }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="service-fields">
      <legend>
        <label>
          <input type="checkbox" checked={enabled} onChange={(event) => onToggle(event.target.checked)} />{' '}
          {t('verify.form.enable', { service: t(`verify.services.${service}`) })}
        </label>
      </legend>
      {enabled && children}
    </fieldset>
  );
}
