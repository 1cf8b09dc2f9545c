import type { Channel } from '@shared/channels';
import type { CallResult, contract } from '@shared/contract';
import type { AppInfo } from '@shared/models';
import type { VerifyRequest } from '@shared/verify';
import type { z } from 'zod';
import type { Core } from '../core';
import { PonteError } from '../errors/ponte-error';
import { isAllowedExternalUrl } from '../links/allowed-links';
import { accountServiceTargets, lastCheckFrom } from '../accounts/account-builders';
import { summarizeAll, summarizeOne } from '../accounts/account-summaries';
import { nextcloudOrigin } from '../nextcloud/nextcloud-address';
import { mainCredentialAddresses } from '../nextcloud/main-credential-addresses';
import { accountFacts } from '../accounts/account-facts';
import { providerSummary } from '../providers/provider-summary';
import { optionsFromRequest, serviceTargetsFromRequest } from '../verify/request-targets';
import type { Host } from './host';
import { createTranslator } from '@shared/i18n/translator';

/** Handlers receive input already validated by the contract's schema. */
export type Handlers = {
  [C in Channel]: (input: z.output<(typeof contract)[C]['input']>) => Promise<CallResult<C>>;
};

// What a person does rarely (set up a program, test a PEC, discover) loads its modules when first asked: the
// first screen (app info, settings, the accounts) answers without the protocol libraries (issue 20).
const setupTargets = () => import('../targets/configure-target');

export function createHandlers(core: Core, host: Host): Handlers {
  const targetContext = { store: core.accounts, dataDir: core.dataDir };
  return {
    'app:info': async () => ({
      name: host.appName,
      version: host.appVersion,
      platform: publicPlatform(process.platform),
      shell: host.shell,
      dataDir: core.dataDir,
    }),
    'settings:get': () => core.settings.read(),
    'settings:update': async (changes) => {
      // A setting IT locked with a profile stays as the profile says, whatever the window asks.
      const current = await core.settings.read();
      const locked = (current.managedBy?.locked ?? []).filter(
        (key) => changes[key] !== undefined && JSON.stringify(changes[key]) !== JSON.stringify(current[key]),
      );
      if (locked.length > 0) {
        throw new PonteError(
          'SETTING_LOCKED',
          `Locked by ${current.managedBy?.organisation ?? 'IT'}: ${locked.join(', ')}.`,
          'Ask whoever manages this computer to change it.',
        );
      }
      // The OS entry first: if it cannot be written, the setting does not claim otherwise.
      if (changes.startAtLogin !== undefined) {
        try {
          await host.setStartAtLogin(changes.startAtLogin);
        } catch (error) {
          throw new PonteError(
            'START_AT_LOGIN_FAILED',
            `Could not change starting at login: ${error instanceof Error ? error.message : String(error)}`,
            'Check that your user can write its autostart folder, then try again.',
          );
        }
      }
      const saved = await core.settings.update(changes);
      if (changes.language !== undefined) host.languageChanged?.(saved.language);
      return saved;
    },
    'accounts:list': () => summarizeAll(core),
    'accounts:add': async ({
      password,
      loginFlowId,
      passwords,
      pec,
      twoStep,
      kind,
      lifetimeDays,
      credentialFacts,
      ...input
    }) => {
      const provider = input.providerId ? (await core.catalog()).byId(input.providerId) : undefined;
      const extras = (input.request.credentials ?? []).map((credential) => credential.id);
      return (await import('../accounts/add-account')).addVerifiedAccount(
        core.accounts,
        {
          ...input,
          ...accountFacts(provider, extras, { pec, twoStep, kind, lifetimeDays, credentialFacts }),
        },
        mainPassword(core, input.request, password, loginFlowId),
        passwords,
      );
    },
    'accounts:check': async ({ id }) => {
      const account = await core.accounts.get(id);
      const { targets, trust } = await accountServiceTargets(account, (credential) =>
        core.accounts.secret(account, credential),
      );
      return core.verifications.start(targets, { trust }, async (results) => {
        const lastCheck = lastCheckFrom(results, new Date());
        if (lastCheck) await core.accounts.recordCheck(id, lastCheck);
      });
    },
    'accounts:extend': async ({ id, credentialId }) =>
      summarizeOne(core, await core.accounts.extendCredential(id, credentialId, new Date())),
    'accounts:change-password': async ({ id, credentialId, password }) =>
      (await import('../rotation/rotate-credential')).rotateCredential(
        { store: core.accounts, dataDir: core.dataDir },
        id,
        credentialId,
        password,
      ),
    'accounts:remove': async ({ id, undoTargets }) => {
      const { removeAccount } = await import('../accounts/remove-account');
      await removeAccount(core.accounts, id, undoTargets);
      return { removed: true };
    },
    'links:open': async ({ url }) => {
      // Providers' app-password pages come from the catalog, so a renderer cannot widen the list.
      if (!isAllowedExternalUrl(url, (await core.catalog()).linkHosts)) {
        throw new PonteError('LINK_NOT_ALLOWED', 'This link is not on the list of pages Ponte may open.');
      }
      await host.openExternal(url);
      return { opened: true };
    },
    'doctor:run': async () =>
      (await import('../doctor/run-doctor')).runDoctor({
        dataDir: core.dataDir,
        secrets: core.secrets,
        appRoot: host.appRoot,
        platform: process.platform,
        env: process.env,
        ...(host.runningElectron === undefined ? {} : { runningElectron: host.runningElectron }),
      }),
    'verify:start': async ({ request, password, loginFlowId, passwords }) =>
      core.verifications.start(
        serviceTargetsFromRequest(request, mainPassword(core, request, password, loginFlowId), passwords),
        optionsFromRequest(request),
      ),
    'targets:detect': async ({ id }) => (await setupTargets()).detectTargets(targetContext, id),
    'targets:configure': async ({ id, target, dryRun }) =>
      (await setupTargets()).configureTarget(targetContext, id, target, { dryRun: dryRun ?? false }),
    'targets:phone': async ({ id }) =>
      (await import('../targets/davx5-link')).phoneSetup(await core.accounts.get(id)),
    'targets:unconfigure': async ({ id, target }) =>
      (await setupTargets()).unconfigureTarget(targetContext, id, target),
    'nextcloud:start': async ({ server, caPem }) => {
      const origin = nextcloudOrigin(server);
      if (!origin) {
        throw new PonteError(
          'INVALID_INPUT',
          'Enter the Nextcloud server address, for example cloud.example.com.',
        );
      }
      const status = await core.loginFlows.start(origin, caPem ? { caPem } : {});
      // The login page is on the server the person named (checked by the client): safe to open.
      await host.openExternal(status.loginUrl);
      return status;
    },
    'nextcloud:status': ({ flowId, afterVersion }) => core.loginFlows.status(flowId, afterVersion),
    'nextcloud:cancel': async ({ flowId }) => core.loginFlows.cancel(flowId),
    'verify:status': ({ operationId, afterVersion }) => core.verifications.status(operationId, afterVersion),
    'verify:cancel': async ({ operationId }) => core.verifications.cancel(operationId),
    'pec:test-start': async ({ id, to, language }) => {
      const t = await createTranslator(language);
      const { startPecTest } = await import('../pec/pec-tests');
      return startPecTest(core.pecTests, core.accounts, id, {
        ...(to ? { to: [to] } : {}),
        message: { subject: t('pec.test.messageSubject'), text: t('pec.test.messageText') },
      });
    },
    'pec:test-status': ({ operationId, afterVersion }) => core.pecTests.status(operationId, afterVersion),
    'pec:test-cancel': async ({ operationId }) => core.pecTests.cancel(operationId),
    'pec:archive-start': async ({ id, olderThanDays, destination, dryRun }) =>
      (await import('../pec/archive/pec-archives')).startPecArchive(
        core.pecArchives,
        { store: core.accounts, dataDir: core.dataDir },
        id,
        {
          olderThanDays,
          destination,
          dryRun,
        },
      ),
    'pec:archive-status': ({ operationId, afterVersion }) =>
      core.pecArchives.status(operationId, afterVersion),
    'pec:archive-cancel': async ({ operationId }) => core.pecArchives.cancel(operationId),
    'profiles:preview': async ({ text }) =>
      (await import('../profiles/preview-profile')).previewProfile(core, text),
    'providers:list': async () => (await core.catalog()).providers.map(providerSummary),
    'providers:guide': async ({ id, language }) =>
      (await import('../providers/app-password-guide')).appPasswordGuide(await core.catalog(), id, language),
    'discovery:run': async ({ email, providerId }) =>
      (await import('../discovery/discover')).discover(email, {
        catalog: await core.catalog(),
        ...(providerId ? { providerId } : {}),
        ...(core.dnsServer ? { dnsServer: core.dnsServer } : {}),
      }),
  };
}

function publicPlatform(platform: NodeJS.Platform): AppInfo['platform'] {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

/**
 * The main password: typed, or received by a granted Nextcloud sign-in (which never left core) — the latter
 * only for a request whose every use of it is on that Nextcloud server.
 */
function mainPassword(
  core: Core,
  request: VerifyRequest,
  password: string | undefined,
  loginFlowId: string | undefined,
): string {
  if (loginFlowId !== undefined) {
    return core.loginFlows.secret(loginFlowId, mainCredentialAddresses(request));
  }
  if (password === undefined) throw new PonteError('INVALID_INPUT', 'No password given.');
  return password;
}
