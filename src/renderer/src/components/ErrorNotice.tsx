import { useTranslation } from 'react-i18next';
import type { WireError } from '@shared/error-codes';

interface Props {
  error: WireError;
  onRetry?: () => void;
}

/** An error in the person's language: what happened, what to do, and a way to try again. */
export function ErrorNotice({ error, onRetry }: Props) {
  const { t, i18n } = useTranslation();
  const platform = /Mac/.test(navigator.platform)
    ? 'darwin'
    : /Win/.test(navigator.platform)
      ? 'win32'
      : 'linux';
  const hintKey = [`errors.${error.code}.hint.${platform}`, `errors.${error.code}.hint`].find(
    (key) => i18n.exists(key) && typeof t(key, { returnObjects: true }) === 'string',
  );
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">
        {i18n.exists(`errors.${error.code}.title`) ? t(`errors.${error.code}.title`) : error.message}
      </p>
      {hintKey && <p>{t(hintKey)}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
