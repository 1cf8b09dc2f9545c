import { useTranslation } from 'react-i18next';
import type { AccountSelection } from '@shared/models';
import type { FoundByService, ServiceKind, ServiceResult } from '@shared/verify';
import { StepActions } from './StepActions';
import { toggled } from './selection';

interface Props {
  results: readonly ServiceResult[];
  selection: AccountSelection;
  onChange: (selection: AccountSelection) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 5: what to set up on this computer, from what the check found; everything starts selected. */
export function ChooseStep({ results, selection, onChange, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const found = <S extends ServiceKind>(service: S): FoundByService[S] | undefined => {
    const result = results.find((candidate) => candidate.service === service);
    return result?.found as FoundByService[S] | undefined;
  };
  const calendars = found('caldav')?.calendars ?? [];
  const addressBooks = found('carddav')?.addressBooks ?? [];
  const drive = found('webdav');
  const mail = found('imap');
  return (
    <div className="choose-step">
      {mail && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={selection.setUpMail}
            onChange={(event) => onChange({ ...selection, setUpMail: event.target.checked })}
          />{' '}
          {t('wizard.choose.mail')}
        </label>
      )}
      <CollectionChoices
        legend={t('wizard.choose.calendars')}
        items={calendars}
        selected={selection.calendars}
        onChange={(list) => onChange({ ...selection, calendars: list })}
      />
      <CollectionChoices
        legend={t('wizard.choose.addressBooks')}
        items={addressBooks}
        selected={selection.addressBooks}
        onChange={(list) => onChange({ ...selection, addressBooks: list })}
      />
      {drive && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={selection.mountDrive}
            onChange={(event) => onChange({ ...selection, mountDrive: event.target.checked })}
          />{' '}
          {t('wizard.choose.drive', { url: drive.url })}
        </label>
      )}
      <StepActions onBack={onBack} onNext={onNext} />
    </div>
  );
}

interface CollectionProps {
  legend: string;
  items: readonly { url: string; displayName: string; color?: string; readOnly: boolean }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/** Calendars or address books, one checkbox each, with the calendar's colour where the server has one. */
function CollectionChoices({ legend, items, selected, onChange }: CollectionProps) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.map((item) => (
        <label key={item.url} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(item.url)}
            onChange={(event) => onChange(toggled(selected, item.url, event.target.checked))}
          />{' '}
          {item.color && /^#[0-9a-f]{6}/i.test(item.color) && (
            <span className="swatch" aria-hidden="true" style={{ backgroundColor: item.color.slice(0, 7) }} />
          )}
          {item.displayName}
          {item.readOnly && <span className="hint"> · {t('verify.found.readOnly')}</span>}
        </label>
      ))}
    </fieldset>
  );
}
