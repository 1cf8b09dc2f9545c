import { useTranslation } from 'react-i18next';
import { quotaPercent, quotaPhrases } from '@shared/mailbox-quota';
import type { Quota } from '@shared/verify';

/** How full the mailbox was at the last check; from 80 % on, what happens when it is full and what to do. */
export function MailboxQuota({ quota }: { quota: Quota }) {
  const { t, i18n } = useTranslation();
  const [usage, warning] = quotaPhrases(quota, i18n.language).map((phrase) =>
    t(phrase.key, phrase.params ?? {}),
  );
  const percent = quotaPercent(quota);
  return (
    <div className="mailbox-quota" data-testid="mailbox-quota">
      <p>{usage}</p>
      {percent !== null && (
        <meter
          min={0}
          max={100}
          low={80}
          high={90}
          optimum={0}
          value={Math.min(percent, 100)}
          aria-label={usage}
        />
      )}
      {warning && <p className="notice notice-error">{warning}</p>}
    </div>
  );
}
