import { z } from 'zod';
import { readBounded } from '../discovery/https-get';
import { PonteError } from '../errors/ponte-error';
import { isOnServer } from './nextcloud-address';
import { tlsOptions, type TrustSettings } from '../verify/tls-trust';

// Nextcloud Login Flow v2 (developer manual, "Login Flow"): POST <server>/index.php/login/v2 answers with a
// login page for the person's browser and a poll endpoint + token; polling that endpoint answers 404 until the
// person granted access, then once with { server, loginName, appPassword }. The token lives 20 minutes.

export interface LoginFlowStart {
  /** The server the person named: the only one opened, polled, and trusted with the device password. */
  server: string;
  loginUrl: string;
  pollEndpoint: string;
  token: string;
}

export interface LoginFlowCredentials {
  server: string;
  loginName: string;
  appPassword: string;
}

export interface LoginFlowRequestOptions {
  trust?: TrustSettings;
  signal: AbortSignal;
  /** Shown by Nextcloud as the name of the app password ("Ponte (computer name)"). */
  userAgent: string;
}

/** The server could not be reached at all (no answer): unlike a wrong answer, worth trying again soon. */
export class LoginFlowUnreachable extends PonteError {
  constructor(origin: string, reason: string) {
    super(
      'LOGIN_FLOW_FAILED',
      `Could not reach ${origin}: ${reason}.`,
      'Check the server address and your connection, then try again.',
    );
  }
}

const startAnswer = z.object({
  poll: z.object({ token: z.string().min(1).max(512), endpoint: z.string().url() }),
  login: z.string().url(),
});

const credentialsAnswer = z.object({
  server: z.string().url(),
  loginName: z.string().min(1).max(320),
  appPassword: z.string().min(1).max(1024),
});

export async function startLoginFlow(
  server: string,
  options: LoginFlowRequestOptions,
): Promise<LoginFlowStart> {
  const answer = await postJson(`${server}/index.php/login/v2`, '', options);
  if (answer.status !== 200) {
    throw new PonteError(
      'LOGIN_FLOW_FAILED',
      `${server} did not start a Nextcloud sign-in (HTTP ${answer.status}).`,
      'Check the server address; it is the one you open Nextcloud with in the browser.',
    );
  }
  const parsed = startAnswer.safeParse(answer.json);
  if (
    !parsed.success ||
    !isOnServer(server, parsed.data.login) ||
    !isOnServer(server, parsed.data.poll.endpoint)
  ) {
    throw new PonteError(
      'LOGIN_FLOW_FAILED',
      `${server} answered the sign-in request with something unexpected.`,
    );
  }
  return {
    server,
    loginUrl: parsed.data.login,
    pollEndpoint: parsed.data.poll.endpoint,
    token: parsed.data.poll.token,
  };
}

/** One poll: the credentials once the person granted access, null while they have not (yet). */
export async function pollLoginFlow(
  flow: LoginFlowStart,
  options: LoginFlowRequestOptions,
): Promise<LoginFlowCredentials | null> {
  const answer = await postJson(
    flow.pollEndpoint,
    new URLSearchParams({ token: flow.token }).toString(),
    options,
  );
  if (answer.status === 404) return null;
  const parsed = credentialsAnswer.safeParse(answer.json);
  if (answer.status !== 200 || !parsed.success) {
    throw new PonteError(
      'LOGIN_FLOW_FAILED',
      `The sign-in poll answered HTTP ${answer.status} with unexpected data.`,
    );
  }
  // The window builds the calendar, contact and file addresses from this: another server would get them.
  if (!isOnServer(flow.server, parsed.data.server)) {
    throw new PonteError(
      'LOGIN_FLOW_FAILED',
      `The sign-in named another server than ${flow.server}; nothing was kept.`,
    );
  }
  return parsed.data;
}

async function postJson(
  url: string,
  body: string,
  options: LoginFlowRequestOptions,
): Promise<{ status: number; json: unknown }> {
  // Loaded on first use: the core every command builds holds the login flows, most never sign in.
  const { Agent, fetch: undiciFetch } = await import('undici');
  const dispatcher = new Agent({ connect: tlsOptions(options.trust), connections: 1 });
  try {
    const response = await undiciFetch(url, {
      method: 'POST',
      body,
      redirect: 'error',
      dispatcher,
      signal: options.signal,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'user-agent': options.userAgent,
      },
    });
    const text = await readBounded(response.body, 64 * 1024);
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, json };
  } catch (error) {
    if (error instanceof PonteError) throw error;
    if (options.signal.aborted) throw new PonteError('LOGIN_FLOW_FAILED', 'The sign-in was cancelled.');
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new LoginFlowUnreachable(new URL(url).origin, cause?.code ?? cause?.message ?? String(error));
  } finally {
    await dispatcher.destroy();
  }
}
