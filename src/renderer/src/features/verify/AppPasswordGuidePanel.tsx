import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language';
import type { AppPasswordGuide } from '@shared/models';
import type { WireError } from '@shared/error-codes';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OpenPageButton } from '../../components/OpenPageButton';

/**
 * Step two of the wizard: why an app password is needed here, the provider's own steps in the person's
 * language, and a button that opens the provider's page in the default browser (main checks it against
 * the catalog's allow-list).
 */
export function AppPasswordGuidePanel({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [guide, setGuide] = useState<AppPasswordGuide | null>(null);
  const [error, setError] = useState<WireError | null>(null);

  useEffect(() => {
    let current = true;
    call('providers:guide', { id: providerId, language })
      .then((value) => {
        if (current) {
          setGuide(value);
          setError(null);
        }
      })
      .catch((failure: unknown) => {
        // Said, not dropped: without the guide the person would not know where to create the password.
        if (current) setError(toWire(failure));
      });
    return () => {
      current = false;
    };
  }, [providerId, language]);

  if (error) return <ErrorNotice error={error} />;
  if (!guide) return null;
  return (
    <section className="guide" aria-labelledby="guide-title" data-testid="app-password-guide">
      <h3 id="guide-title">{t('appPassword.title')}</h3>
      <p>{t(`appPassword.why.${guide.required}`, { provider: guide.provider })}</p>
      <ol>
        {guide.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {guide.tips.length > 0 && (
        <ul className="tips">
          {guide.tips.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      )}
      {guide.shownOnce && guide.tips.length === 0 && <p className="hint">{t('appPassword.shownOnce')}</p>}
      {guide.lifetimeDays !== null && (
        <p className="hint">{t('appPassword.lifetime', { days: guide.lifetimeDays })}</p>
      )}
      {!guide.confirmed && <p className="hint">{t('discovery.unconfirmed')}</p>}
      <OpenPageButton
        className="primary"
        url={guide.createUrl}
        label={t('verify.form.createAppPassword', { provider: guide.provider })}
      />
    </section>
  );
}
