import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '@shared/error-codes';
import type { AccountSummary } from '@shared/models';
import type { TargetAvailability, TargetKind, TargetWarning } from '@shared/targets';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { chosenInOrder, preselectedTargets } from './target-choice';

interface Props {
  account: AccountSummary;
  /** Right after the wizard: what was found here is ticked already. */
  afterWizard?: boolean;
  /** The account's record changed in core (something set up or taken back). */
  onChanged?: () => void;
}

type RowState =
  | { phase: 'idle' }
  | { phase: 'working' }
  | { phase: 'done'; location: string; warnings: TargetWarning[] }
  | { phase: 'undone' }
  | { phase: 'error'; error: WireError };

/**
 * This computer's places for the account — its drive in the file manager, Thunderbird, Evolution — as found
 * here: tick and set up (one after the other, each row saying how it went), or take back what was set up.
 */
export function ComputerTargets({ account, afterWizard = false, onChanged }: Props) {
  const { t } = useTranslation();
  const [found, setFound] = useState<TargetAvailability[] | null>(null);
  const [loadError, setLoadError] = useState<WireError | null>(null);
  const [chosen, setChosen] = useState<Set<TargetKind>>(new Set());
  const [rows, setRows] = useState<Partial<Record<TargetKind, RowState>>>({});
  const busy = Object.values(rows).some((row) => row.phase === 'working');

  // Each round asks core again; `preselect` ticks what the rules say (first load and "Try again" only).
  const [round, setRound] = useState({ count: 0, preselect: true });
  const detect = (preselect: boolean): void =>
    setRound((current) => ({ count: current.count + 1, preselect }));

  useEffect(() => {
    let current = true;
    call('targets:detect', { id: account.id })
      .then((detected) => {
        if (!current) return;
        setFound(detected);
        setLoadError(null);
        if (round.preselect) setChosen(preselectedTargets(detected, account.selection, afterWizard));
      })
      .catch((error: unknown) => current && setLoadError(toWire(error)));
    return () => {
      current = false;
    };
  }, [account.id, account.selection, afterWizard, round]);

  const setRow = (target: TargetKind, state: RowState): void =>
    setRows((current) => ({ ...current, [target]: state }));

  const setUp = async (): Promise<void> => {
    if (!found) return;
    for (const target of chosenInOrder(found, chosen)) {
      setRow(target, { phase: 'working' });
      try {
        const outcome = await call('targets:configure', { id: account.id, target });
        setRow(target, { phase: 'done', location: outcome.location, warnings: outcome.plan.warnings });
      } catch (error) {
        setRow(target, { phase: 'error', error: toWire(error) });
      }
    }
    setChosen(new Set());
    detect(false);
    onChanged?.();
  };

  const takeBack = async (target: TargetKind): Promise<void> => {
    setRow(target, { phase: 'working' });
    try {
      await call('targets:unconfigure', { id: account.id, target });
      setRow(target, { phase: 'undone' });
    } catch (error) {
      setRow(target, { phase: 'error', error: toWire(error) });
    }
    detect(false);
    onChanged?.();
  };

  if (loadError) return <ErrorNotice error={loadError} onRetry={() => detect(true)} />;
  if (!found) return <p aria-busy="true">{t('targets.computer.looking')}</p>;
  const shown = found.filter((entry) => entry.available || entry.configured);
  const missing = found.filter(
    (entry) => !entry.available && !entry.configured && entry.reason === 'notInstalled',
  );
  const toSetUp = chosenInOrder(found, chosen);

  return (
    <fieldset className="computer-targets" data-testid="computer-targets">
      <legend>{t('targets.computer.title')}</legend>
      {shown.length === 0 && <p>{t('targets.computer.none')}</p>}
      <ul>
        {shown.map((entry) => {
          const row = rows[entry.target] ?? { phase: 'idle' };
          const name = t(`targets.names.${entry.target}`);
          return (
            <li key={entry.target} data-testid={`target-${entry.target}`}>
              {entry.configured ? (
                <>
                  <span>{t('targets.computer.configured', { name, location: entry.location ?? '' })}</span>{' '}
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('targets.computer.undoNamed', { name })}
                    onClick={() => void takeBack(entry.target)}
                  >
                    {t('targets.computer.undo')}
                  </button>
                </>
              ) : (
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(entry.target)}
                    disabled={busy}
                    onChange={(event) => {
                      const next = new Set(chosen);
                      if (event.target.checked) next.add(entry.target);
                      else next.delete(entry.target);
                      setChosen(next);
                    }}
                  />{' '}
                  {name}
                  {entry.location && entry.target === 'thunderbird' && (
                    <span className="hint">
                      {' '}
                      — {t('targets.computer.profile', { location: entry.location })}
                    </span>
                  )}
                </label>
              )}
              <div aria-live="polite">
                {row.phase === 'working' && <p aria-busy="true">{t('targets.computer.working', { name })}</p>}
                {row.phase === 'done' && (
                  <>
                    <p className="notice">{t(`targets.done.${entry.target}`, { location: row.location })}</p>
                    {row.warnings.map((warning) => (
                      <p key={warning} className="hint">
                        {t(`configure.warnings.${warning}`)}
                      </p>
                    ))}
                  </>
                )}
                {row.phase === 'undone' && <p>{t('targets.computer.undone', { name })}</p>}
                {row.phase === 'error' && <ErrorNotice error={row.error} />}
              </div>
            </li>
          );
        })}
      </ul>
      {missing.length > 0 && (
        <p className="hint">
          {t('targets.computer.notFound', {
            list: missing.map((entry) => t(`targets.names.${entry.target}`)).join(', '),
          })}
        </p>
      )}
      {found
        .filter((entry) => !entry.available && !entry.configured && entry.reason === 'neverStarted')
        .map((entry) => (
          <p className="hint" key={entry.target}>
            {t('targets.computer.neverStarted', { name: t(`targets.names.${entry.target}`) })}
          </p>
        ))}
      {found.some((entry) => entry.available && !entry.configured) && (
        <button type="button" disabled={busy || toSetUp.length === 0} onClick={() => void setUp()}>
          {t('targets.computer.setUp', { count: toSetUp.length })}
        </button>
      )}
    </fieldset>
  );
}
