import { useTranslation } from 'react-i18next';
import type { DiscoveryResult } from '@shared/discovery';
import { DiscoveryPanel } from '../verify/DiscoveryPanel';
import { StepActions } from './StepActions';

interface Props {
  discovered: DiscoveryResult | null;
  onFound: (result: DiscoveryResult | null) => void;
  onCustom: () => void;
  onNext: () => void;
  canGoOn: boolean;
}

/** Step 1: the e-mail address (discovery) or a provider from the list; a custom server is always possible. */
export function AccountStep({ discovered, onFound, onCustom, onNext, canGoOn }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <DiscoveryPanel onFound={onFound} initial={discovered} />
      <p className="hint">{t('wizard.customHint')}</p>
      <StepActions onNext={canGoOn ? onNext : undefined}>
        <button type="button" onClick={onCustom}>
          {t('wizard.custom')}
        </button>
      </StepActions>
    </>
  );
}
