import { useTranslation } from 'react-i18next';

/** The message under a field that needs fixing; the input points at it with aria-describedby. */
export function FieldError({ id, messageKey }: { id: string; messageKey: string | undefined }) {
  const { t } = useTranslation();
  if (!messageKey) return null;
  return (
    <p id={id} className="field-error">
      {t(messageKey)}
    </p>
  );
}
