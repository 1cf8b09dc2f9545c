import type { TFunction } from 'i18next';
import { type CandidateBase, type DiscoveryResult, inputLabels, providerSource } from '@shared/discovery';
import type { Language } from '@shared/i18n/languages';
import type { ServiceKind } from '@shared/verify';
import type { Core } from '@core/core';
import { discover, emailDomain } from '@core/discovery/discover';
import { countByCountry, providerSummary } from '@core/providers/provider-summary';
import { EXIT_FAILED, EXIT_OK, printJson, type CliIo, whileInterruptible } from '../output';
import { type CliArgs, optionText, UsageError } from '../parse-args';
import type { CommandContext } from '../command-table';

interface Context {
  io: CliIo;
  t: TFunction;
  json: boolean;
  language: Language;
}

/** `ponte providers`: the catalog, one line per provider. */
export async function providersCommand(
  core: Core,
  _args: CliArgs,
  { io, t, json }: CommandContext,
): Promise<number> {
  const summaries = (await core.catalog()).providers.map(providerSummary);
  if (json) {
    printJson(io, summaries);
    return EXIT_OK;
  }
  io.out(t('discovery.cli.providersHeading', { count: summaries.length }));
  const perCountry = countByCountry(summaries).map(([country, count]) => `${country} ${count}`);
  io.out(t('discovery.cli.perCountry', { list: perCountry.join(', ') }));
  for (const provider of summaries) {
    const tags = [
      provider.pec ? t('discovery.cli.pec') : undefined,
      provider.unsupported
        ? t('discovery.cli.unsupportedTag')
        : provider.serversOnly
          ? t('discovery.cli.serversOnlyTag')
          : t(`discovery.cli.appPassword.${provider.appPassword}`),
    ].filter(Boolean);
    // A few domains say enough; --json has them all (Posteo alone has fifty).
    const shown = provider.domains.slice(0, 4).join(', ') + (provider.domains.length > 4 ? ', …' : '');
    io.out(`  ${provider.id.padEnd(16)} ${provider.name} — ${tags.join(', ')}${shown ? ` (${shown})` : ''}`);
  }
  return EXIT_OK;
}

/** `ponte discover EMAIL`: settings per service with where each came from; exit 1 when nothing was found. */
export async function discoverCommand(
  core: Core,
  { rest, options }: CliArgs,
  context: CommandContext,
): Promise<number> {
  const { io, t } = context;
  const providerId = optionText(options, 'provider');
  const email = rest[0];
  if (!email || rest.length > 1 || !emailDomain(email)) throw new UsageError(t('discovery.cli.missingEmail'));
  const catalog = await core.catalog();
  const result = await whileInterruptible(io, (signal) =>
    discover(email, {
      catalog,
      signal,
      ...(providerId ? { providerId } : {}),
      ...(core.dnsServer ? { dnsServer: core.dnsServer } : {}),
    }),
  );
  const found = Object.values(result.candidates).some((list) => list.length > 0);
  if (context.json) printJson(io, result);
  else printDiscovery(result, context);
  return found && !result.provider?.unsupported ? EXIT_OK : EXIT_FAILED;
}

function printDiscovery(result: DiscoveryResult, { io, t, language }: Context): void {
  io.out(t('discovery.cli.heading', { email: result.email }));
  if (result.provider) {
    io.out(
      t('discovery.found', {
        name: result.provider.name,
        source: t(`discovery.sources.${providerSource(result.provider.via)}`),
      }),
    );
    if (result.provider.unsupported) io.out(t('discovery.unsupported', { name: result.provider.name }));
    if (result.provider.serversOnly) io.out(t('discovery.serversOnly', { name: result.provider.name }));
    for (const note of result.provider.notes) io.out(note[language]);
    // Named for `ponte account add`, which takes one stdin line per credential when there are several.
    if (result.provider.credentials.length > 1) {
      io.out(t('discovery.cli.credentials'));
      for (const credential of result.provider.credentials) {
        const label = credential.label[language];
        io.out(`  ${credential.id}: ${label} (${credential.username})`);
      }
    }
  }
  for (const service of ['imap', 'smtp', 'caldav', 'carddav', 'webdav'] as ServiceKind[]) {
    for (const candidate of result.candidates[service]) {
      const settings =
        'endpoint' in candidate
          ? `${candidate.endpoint.host}:${candidate.endpoint.port}${candidate.endpoint.security === 'starttls' ? '/starttls' : ''}`
          : candidate.url;
      io.out(
        `  ${t('discovery.cli.candidate', {
          service: t(`verify.services.${service}`),
          settings,
          source: t(`discovery.sources.${candidate.source}`),
          confidence: t(`discovery.confidence.${candidate.confidence}`),
        })}`,
      );
      for (const line of flags(candidate, result, { t, language })) io.out(`    ${line}`);
    }
  }
  if (Object.values(result.candidates).every((list) => list.length === 0))
    io.out(t('discovery.nothingFound'));
  if (result.notes.length > 0) {
    io.out(t('discovery.cli.notes'));
    for (const note of result.notes) io.out(`  - ${note}`);
  }
}

function flags(
  candidate: CandidateBase,
  result: DiscoveryResult,
  { t, language }: { t: TFunction; language: Language },
): string[] {
  return [
    candidate.username ? t('discovery.cli.username', { username: candidate.username }) : undefined,
    candidate.needsConfirmation ? t('discovery.needsConfirmation') : undefined,
    candidate.needsInput.length
      ? t('discovery.needsInput', {
          fields: inputLabels(result, candidate.needsInput, language).join(', '),
        })
      : undefined,
    candidate.confirmed ? undefined : t('discovery.unconfirmed'),
  ].filter((line): line is string => line !== undefined);
}
