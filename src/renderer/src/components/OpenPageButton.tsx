import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/ponte-client';

interface Props {
  url: string;
  label: string;
  className?: string;
}

/**
 * Opens a provider's page in the default browser (main checks it against the catalog). When that fails (no
 * browser, a refused address) the person is told and gets the address to open by hand, instead of a click
 * that does nothing.
 */
export function OpenPageButton({ url, label, className }: Props) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => {
          setFailed(false);
          void call('links:open', { url }).catch(() => setFailed(true));
        }}
      >
        {label}
      </button>
      {failed && (
        <span role="alert" className="hint">
          {' '}
          {t('links.openFailed')} <code>{url}</code>
        </span>
      )}
    </>
  );
}
