import type { LoginFlowStatus } from '@shared/models';
import { forgetFinished } from '../async/forget-finished';
import { waitForNews } from '../async/wait-for-news';
import { PonteError } from '../errors/ponte-error';
import type { TrustSettings } from '../verify/tls-trust';
import type { LoginFlowStart } from './login-flow-client';
import { isOnServer } from './nextcloud-address';

// The client (its answer schemas, undici) loads with the first sign-in: most runs never start one.
const client = () => import('./login-flow-client');

interface Flow {
  status: LoginFlowStatus;
  controller: AbortController;
  waiters: Set<() => void>;
  /** Received from the server; handed to core's own checks and saves, never to a caller over IPC. */
  appPassword?: string;
  /** The server the person named (not the one the answer names). */
  server?: string;
  finishedAt?: number;
}

export interface LoginFlowsOptions {
  userAgent: string;
  pollIntervalMs?: number;
  /** Nextcloud keeps a flow's token for 20 minutes. */
  lifetimeMs?: number;
  /**
   * How long a finished flow (and a granted one's app password) is kept for the check and save that follow;
   * then it is forgotten, so a password nobody used does not stay in memory for the rest of the session.
   */
  keepFinishedMs?: number;
  /** A poll that cannot reach the server is tried again (a network blip) until it has failed this long. */
  unreachableMs?: number;
}

const MAX_WAIT_MS = 15_000;

/** Nextcloud sign-ins under way: started here, polled in the background, followed by the UI. */
export class LoginFlows {
  private readonly flows = new Map<string, Flow>();

  constructor(private readonly options: LoginFlowsOptions) {}

  async start(server: string, trust: TrustSettings = {}): Promise<LoginFlowStatus> {
    this.forgetOld();
    const controller = new AbortController();
    const { startLoginFlow } = await client();
    const started = await startLoginFlow(server, {
      trust,
      signal: controller.signal,
      userAgent: this.options.userAgent,
    });
    const flow: Flow = {
      server: started.server,
      controller,
      waiters: new Set(),
      status: {
        flowId: globalThis.crypto.randomUUID(),
        state: 'waiting',
        version: 0,
        loginUrl: started.loginUrl,
      },
    };
    this.flows.set(flow.status.flowId, flow);
    void this.pollUntilDone(flow, started, trust);
    return structuredClone(flow.status);
  }

  /** The state now, or, with `afterVersion`, as soon as it is newer than that (bounded wait). */
  async status(flowId: string, afterVersion?: number): Promise<LoginFlowStatus> {
    const flow = this.find(flowId);
    if (
      afterVersion !== undefined &&
      flow.status.version <= afterVersion &&
      flow.status.state === 'waiting'
    ) {
      await waitForNews(flow.waiters, MAX_WAIT_MS);
    }
    return structuredClone(flow.status);
  }

  cancel(flowId: string): LoginFlowStatus {
    const flow = this.find(flowId);
    if (flow.status.state === 'waiting') {
      flow.controller.abort();
      this.update(flow, { state: 'cancelled' });
    }
    return structuredClone(flow.status);
  }

  /**
   * The app password a granted flow received, for core's checks and saves only — and only for `addresses` on
   * the server the person named: a window asking to use it anywhere else is refused.
   */
  secret(flowId: string, addresses: readonly string[]): string {
    const flow = this.find(flowId);
    if (flow.status.state !== 'granted' || flow.appPassword === undefined || flow.server === undefined) {
      throw new PonteError('INVALID_INPUT', 'This Nextcloud sign-in has not been granted.');
    }
    const elsewhere = addresses.find((address) => !isOnServer(flow.server ?? '', address));
    if (elsewhere !== undefined) {
      throw new PonteError(
        'SIGN_IN_OTHER_SERVER',
        `The Nextcloud device password is only used on ${flow.server}, not on ${elsewhere}.`,
        'Use that server’s addresses, or enter a password for the other servers.',
      );
    }
    return flow.appPassword;
  }

  private async pollUntilDone(flow: Flow, started: LoginFlowStart, trust: TrustSettings): Promise<void> {
    const deadline = Date.now() + (this.options.lifetimeMs ?? 20 * 60_000);
    const interval = this.options.pollIntervalMs ?? 2_000;
    const { LoginFlowUnreachable, pollLoginFlow } = await client();
    let unreachableSince: number | undefined;
    while (flow.status.state === 'waiting') {
      if (Date.now() >= deadline) {
        this.update(flow, { state: 'expired' });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, interval));
      if (flow.status.state !== 'waiting') return;
      try {
        const credentials = await pollLoginFlow(started, {
          trust,
          signal: flow.controller.signal,
          userAgent: this.options.userAgent,
        });
        unreachableSince = undefined;
        if (credentials) {
          flow.appPassword = credentials.appPassword;
          this.update(flow, {
            state: 'granted',
            server: credentials.server,
            loginName: credentials.loginName,
          });
        }
      } catch (error) {
        if (flow.status.state !== 'waiting') return;
        if (error instanceof LoginFlowUnreachable) {
          // Wi-Fi changing, a laptop lid: keep polling for a while before calling it failed.
          unreachableSince ??= Date.now();
          if (Date.now() - unreachableSince < (this.options.unreachableMs ?? 60_000)) continue;
        }
        // The server answered something that is not Login Flow v2 (or stayed out of reach): polling again
        // would not help.
        this.update(flow, {
          state: 'failed',
          detail: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  private find(flowId: string): Flow {
    this.forgetOld();
    const flow = this.flows.get(flowId);
    if (!flow)
      throw new PonteError('INVALID_INPUT', 'This Nextcloud sign-in is no longer known; start it again.');
    return flow;
  }

  private forgetOld(): void {
    forgetFinished(this.flows, this.options.keepFinishedMs ?? 30 * 60_000);
  }

  private update(flow: Flow, change: Partial<LoginFlowStatus>): void {
    flow.status = { ...flow.status, ...change, version: flow.status.version + 1 };
    if (flow.status.state !== 'waiting') flow.finishedAt ??= Date.now();
    for (const wake of [...flow.waiters]) wake();
  }
}
