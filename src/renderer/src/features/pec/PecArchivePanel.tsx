import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '@shared/models';
import { type ArchiveDestination, plannedMessages } from '@shared/pec-archive';
import { archivePhrases } from '@shared/pec-archive-text';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PhrasesNotice } from '../../components/PhrasesNotice';
import { useRunFocus } from '../../components/use-run-focus';
import { usePecArchive } from './use-pec-archive';

interface Props {
  accountId: string;
  /** Saved accounts with a WebDAV drive, offered as places to archive to. */
  drives: Pick<AccountSummary, 'id' | 'displayName' | 'email'>[];
  onChanged: () => void;
}

/**
 * Frees a small (PEC) box: first what would move, then the move itself — each message copied, checked and
 * only then deleted from the server — with progress; Escape or Stop keeps what already moved.
 */
export function PecArchivePanel({ accountId, drives, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState('90');
  const [where, setWhere] = useState<string>('folder');
  const [folder, setFolder] = useState('');
  const [subfolder, setSubfolder] = useState(t('pec.archiveUi.defaultSubfolder'));
  const { run, start, cancel } = usePecArchive(accountId);
  const running = run.phase === 'running';
  const status = run.phase === 'running' || run.phase === 'done' ? run.status : null;
  const report = status?.report ?? null;
  const { stopButton, resultBox, onKeyDown } = useRunFocus(running, report, cancel);
  const id = (name: string): string => `archive-${name}-${accountId}`;

  // A real archive changed the box: the card reloads (its quota at the next check).
  useEffect(() => {
    if (report && !report.dryRun) onChanged();
  }, [report, onChanged]);

  const olderThanDays = Number(days);
  const destination: ArchiveDestination | null =
    where === 'folder'
      ? folder.trim()
        ? { kind: 'folder', path: folder.trim() }
        : null
      : { kind: 'webdav', accountId: where, path: subfolder.trim() };
  const ready = Number.isInteger(olderThanDays) && olderThanDays >= 1 && destination !== null;
  const go = (dryRun: boolean): void => {
    if (ready && destination) void start(olderThanDays, destination, dryRun);
  };
  const toMove = report?.dryRun ? plannedMessages(report) : 0;
  const progress = status?.progress?.step === 'archiving' ? status.progress : null;

  return (
    <div className="pec-archive" data-testid="pec-archive" onKeyDown={onKeyDown}>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('pec.archiveUi.open')}
      </button>
      {open && (
        <form
          className="pec-archive-body"
          onSubmit={(event) => {
            event.preventDefault();
            go(true);
          }}
        >
          <p>{t('pec.archiveUi.explain')}</p>
          <label htmlFor={id('days')}>{t('pec.archiveUi.days')}</label>
          <input
            id={id('days')}
            type="number"
            min={1}
            inputMode="numeric"
            value={days}
            disabled={running}
            onChange={(event) => setDays(event.target.value)}
          />
          <fieldset disabled={running}>
            <legend>{t('pec.archiveUi.where')}</legend>
            <label className="checkbox">
              <input
                type="radio"
                name={id('where')}
                checked={where === 'folder'}
                onChange={() => setWhere('folder')}
              />{' '}
              {t('pec.archiveUi.folder')}
            </label>
            {where === 'folder' && (
              <>
                <label htmlFor={id('folder')}>{t('pec.archiveUi.folderPath')}</label>
                <input
                  id={id('folder')}
                  value={folder}
                  placeholder={t('pec.archiveUi.folderPlaceholder')}
                  onChange={(event) => setFolder(event.target.value)}
                />
              </>
            )}
            {drives.map((drive) => (
              <label className="checkbox" key={drive.id}>
                <input
                  type="radio"
                  name={id('where')}
                  checked={where === drive.id}
                  onChange={() => setWhere(drive.id)}
                />{' '}
                {t('pec.archiveUi.drive', { name: drive.displayName, email: drive.email })}
              </label>
            ))}
            {where !== 'folder' && (
              <>
                <label htmlFor={id('subfolder')}>{t('pec.archiveUi.subfolder')}</label>
                <input
                  id={id('subfolder')}
                  value={subfolder}
                  onChange={(event) => setSubfolder(event.target.value)}
                />
              </>
            )}
          </fieldset>
          <div className="actions">
            <button type="submit" disabled={running || !ready}>
              {t('pec.archiveUi.preview')}
            </button>
            {report?.dryRun && toMove > 0 && (
              <button type="button" disabled={running || !ready} onClick={() => go(false)}>
                {t('pec.archiveUi.move', { count: toMove })}
              </button>
            )}
            {running && (
              <button type="button" ref={stopButton} onClick={cancel} disabled={run.cancelling}>
                {t('pec.archiveUi.stop')}
              </button>
            )}
          </div>
          {running && (
            <p role="status" data-testid="pec-archive-progress">
              {progress ? (
                <>
                  <progress value={progress.done} max={progress.total} />{' '}
                  {t('pec.archive.progress', { done: progress.done, total: progress.total })}
                </>
              ) : (
                t('pec.archiveUi.listing')
              )}
            </p>
          )}
          {report && (
            <PhrasesNotice
              phrases={archivePhrases(report, i18n.language)}
              good={report.failed.length === 0 && !report.stopped}
              testId="pec-archive-result"
              ref={resultBox}
            />
          )}
          {status?.error && <ErrorNotice error={status.error} />}
          {run.phase === 'error' && <ErrorNotice error={run.error} />}
        </form>
      )}
    </div>
  );
}
