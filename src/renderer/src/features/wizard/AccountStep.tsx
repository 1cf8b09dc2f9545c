import { useTranslation } from 'react-i18next';
import type { DiscoveryResult } from '@shared/discovery';
import { DiscoveryPanel } from '../verify/DiscoveryPanel';
import { StepActions } from './StepActions';
import { ProfileImport } from './ProfileImport';
import type { ProfileAccountPreview } from '@shared/profile';

interface Props {
  discovered: DiscoveryResult | null;
  onProfile: (template: ProfileAccountPreview, email: string, login: string) => Promise<void>;
  /** Opened from the menu's "Import IT profile…": the profile's file button takes the focus. */
  focusImport?: boolean;
  onFound: (result: DiscoveryResult | null) => void;
  onCustom: () => void;
  onNext: () => void;
  canGoOn: boolean;
}

/** Step 1: the e-mail address (discovery) or a provider from the list; a custom server is always possible. */
export function AccountStep({
  discovered,
  onProfile,
  focusImport = false,
  onFound,
  onCustom,
  onNext,
  canGoOn,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      <DiscoveryPanel onFound={onFound} initial={discovered} />
      <p className="hint">{t('wizard.customHint')}</p>
      <ProfileImport onUse={onProfile} focus={focusImport} />
      <StepActions onNext={canGoOn ? onNext : undefined}>
        <button type="button" onClick={onCustom}>
          {t('wizard.custom')}
        </button>
      </StepActions>
    </>
  );
}
