import { useTranslation } from 'react-i18next';
import type { DiscoveryResult } from '@shared/discovery';
import type { AccountSelection, AccountSummary } from '@shared/models';
import { ComputerTargets } from '../targets/ComputerTargets';
import { credentialLifetime } from '@shared/discovery-settings';
import { SaveAccountPanel } from '../verify/SaveAccountPanel';
import { type CheckedForm, mainSecret, type VerifyForm } from '../verify/verify-form';
import { StepActions } from './StepActions';

interface Props {
  checked: CheckedForm;
  form: VerifyForm;
  discovered: DiscoveryResult | null;
  selection: AccountSelection;
  saved: AccountSummary | null;
  onSaved: (account: AccountSummary) => void;
  onBack: () => void;
  onShowAccounts: () => void;
  onAnother: () => void;
}

/** Step 6: name it and save (core checks once more first); then a summary of what was done. */
export function SaveStep({
  checked,
  form,
  discovered,
  selection,
  saved,
  onSaved,
  onBack,
  onShowAccounts,
  onAnother,
}: Props) {
  const provider = discovered?.provider;
  if (saved) return <SavedSummary account={saved} onShowAccounts={onShowAccounts} onAnother={onAnother} />;
  // Shown for the person to confirm or change; the further passwords' facts are core's to decide.
  const mainKind =
    form.twoStep === false ? (form.mainMeta?.kindWithoutTwoStep ?? form.mainMeta?.kind) : form.mainMeta?.kind;
  return (
    <>
      <SaveAccountPanel
        request={checked.request}
        secret={mainSecret(checked)}
        passwords={checked.passwords}
        email={discovered?.email ?? checked.request.username}
        providerId={provider?.id}
        kind={mainKind}
        lifetimeDays={credentialLifetime(mainKind ?? 'app-password', provider?.lifetimeDays ?? null)}
        twoStep={form.twoStep}
        selection={selection}
        pec={form.pec === true}
        onSaved={onSaved}
      />
      <StepActions onBack={onBack} />
    </>
  );
}

function SavedSummary({
  account,
  onShowAccounts,
  onAnother,
}: {
  account: AccountSummary;
  onShowAccounts: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const selection = account.selection;
  return (
    <div className="saved-summary" data-testid="account-saved">
      <p className="notice" role="status">
        {t('accounts.save.saved')}
      </p>
      <ul>
        <li>
          {t('wizard.summary.services', {
            list: account.services.map((s) => t(`verify.services.${s}`)).join(', '),
          })}
        </li>
        <li>{t('wizard.summary.secrets', { count: account.credentials.length })}</li>
        {selection && selection.calendars.length > 0 && (
          <li>{t('wizard.summary.calendars', { count: selection.calendars.length })}</li>
        )}
        {selection && selection.addressBooks.length > 0 && (
          <li>{t('wizard.summary.addressBooks', { count: selection.addressBooks.length })}</li>
        )}
        {selection?.mountDrive && <li>{t('wizard.summary.drive')}</li>}
      </ul>
      <ComputerTargets account={account} afterWizard />
      <StepActions onNext={onShowAccounts} nextLabel={t('wizard.showAccounts')}>
        <button type="button" onClick={onAnother}>
          {t('wizard.another')}
        </button>
      </StepActions>
    </div>
  );
}
