import { type FormEvent, useState } from 'react';
import type { ProviderSummary } from '@shared/models';
import { useTranslation } from 'react-i18next';
import type { WireError } from '@shared/error-codes';
import { type CandidateBase, type DiscoveryResult, inputLabels, providerSource } from '@shared/discovery';
import { useLanguage } from '../../i18n/use-language';
import { call } from '../../api/ponte-client';
import { toWire, useCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Props {
  /** Null when the provider found cannot be used (OAuth only): nothing to go on with. */
  onFound: (result: DiscoveryResult | null) => void;
  /** What an earlier visit found, shown again when the person comes back to this step. */
  initial?: DiscoveryResult | null;
}

type State =
  | { phase: 'idle' }
  | { phase: 'finding' }
  | { phase: 'done'; result: DiscoveryResult }
  | { phase: 'error'; error: WireError };

/** Step one: the e-mail address in, the provider and the settings found out, with where they came from. */
export function DiscoveryPanel({ onFound, initial }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(initial?.email ?? '');
  const [state, setState] = useState<State>(initial ? { phase: 'done', result: initial } : { phase: 'idle' });
  const [providerName, setProviderName] = useState('');
  const providers = useCall('providers:list');
  const list: ProviderSummary[] = providers.state.status === 'ok' ? providers.state.value : [];
  const chosen = list.find((provider) => provider.name === providerName.trim());

  const run = async (providerId?: string): Promise<void> => {
    setState({ phase: 'finding' });
    try {
      const result = await call('discovery:run', { email, ...(providerId ? { providerId } : {}) });
      setState({ phase: 'done', result });
      onFound(result.provider?.unsupported ? null : result);
    } catch (error) {
      setState({ phase: 'error', error: toWire(error) });
    }
  };

  const find = (event: FormEvent): void => {
    event.preventDefault();
    void run();
  };

  return (
    <form className="discovery" onSubmit={find}>
      <p className="hint">{t('discovery.form.intro')}</p>
      <div className="field">
        <label htmlFor="discovery-email">{t('discovery.form.email')}</label>
        <div className="with-button">
          <input
            id="discovery-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <button type="submit" disabled={state.phase === 'finding' || !email.includes('@')}>
            {t('discovery.form.find')}
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor="discovery-provider">{t('discovery.form.provider')}</label>
        <div className="with-button">
          <input
            id="discovery-provider"
            list="discovery-providers"
            value={providerName}
            autoComplete="off"
            aria-describedby="discovery-provider-hint"
            onChange={(event) => setProviderName(event.target.value)}
          />
          <datalist id="discovery-providers">
            {list.map((provider) => (
              <option key={provider.id} value={provider.name} />
            ))}
          </datalist>
          <button
            type="button"
            disabled={!chosen || !email.includes('@') || state.phase === 'finding'}
            onClick={() => void run(chosen?.id)}
          >
            {t('discovery.form.use')}
          </button>
        </div>
        <p id="discovery-provider-hint" className="hint">
          {t('discovery.form.providerHint')}
        </p>
      </div>
      <div aria-live="polite" data-testid="discovery-status">
        {state.phase === 'finding' && <p aria-busy="true">{t('discovery.form.finding')}</p>}
        {state.phase === 'error' && <ErrorNotice error={state.error} />}
        {state.phase === 'done' && <DiscoverySummary result={state.result} />}
      </div>
    </form>
  );
}

function DiscoverySummary({ result }: { result: DiscoveryResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const all: CandidateBase[] = Object.values(result.candidates).flat();
  const best = [result.candidates.imap[0], result.candidates.smtp[0], result.candidates.caldav[0]].find(
    Boolean,
  );
  if (result.provider?.unsupported) {
    return (
      <p className="notice notice-error">{t('discovery.unsupported', { name: result.provider.name })}</p>
    );
  }
  if (all.length === 0) return <p className="notice">{t('discovery.nothingFound')}</p>;
  const name = result.provider?.name ?? result.domain;
  const source = result.provider ? providerSource(result.provider.via) : (best?.source ?? 'guess');
  const needs = inputLabels(
    result,
    all.flatMap((c) => c.needsInput),
    language,
  );
  return (
    <div className="notice">
      <p className="notice-title">
        {t('discovery.found', { name, source: t(`discovery.sources.${source}`) })}
      </p>
      {all.some((c) => c.needsConfirmation) && <p>{t('discovery.needsConfirmation')}</p>}
      {all.some((c) => !c.confirmed) && <p>{t('discovery.unconfirmed')}</p>}
      {needs.length > 0 && <p>{t('discovery.needsInput', { fields: needs.join(', ') })}</p>}
      {result.provider?.serversOnly && <p>{t('discovery.serversOnly', { name })}</p>}
      {result.provider?.notes.map((note) => (
        <p key={note.en} data-testid="provider-note">
          {note[language]}
        </p>
      ))}
      <p>{t('discovery.filled')}</p>
    </div>
  );
}
