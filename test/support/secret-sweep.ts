import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processesWhere, processTree } from '../rig/proc-scan';

// The "no secret leaks" sweep: after real flows, every place a password could end up is searched for it, in
// the forms it travels in. Only where it was found is reported, never the secret.

export interface TestSecret {
  login: string;
  password: string;
}

/**
 * The password as typed, URL-encoded, and as it crosses the wire: alone in base64 (AUTH LOGIN), and inside the
 * Basic and SASL PLAIN credentials.
 */
export function secretForms({ login, password }: TestSecret): string[] {
  return [
    password,
    encodeURIComponent(password),
    Buffer.from(password).toString('base64'),
    Buffer.from(`${login}:${password}`).toString('base64'),
    Buffer.from(`\0${login}\0${password}`).toString('base64'),
  ];
}

/** True when `text` holds one of the secrets in one of its forms. */
const holdsSecret = (text: string, secrets: readonly TestSecret[]): boolean =>
  secrets.some((secret) => secretForms(secret).some((form) => text.includes(form)));

/** The names of the texts (outputs, logs, responses) that hold one of the secrets. */
export function textsHolding(texts: Record<string, string>, secrets: readonly TestSecret[]): string[] {
  return Object.entries(texts)
    .filter(([, text]) => holdsSecret(text, secrets))
    .map(([name]) => name);
}

/** Every regular file under `root`, read whole (as Latin-1, so any byte sequence compares). */
export async function filesHolding(root: string, secrets: readonly TestSecret[]): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path, 'latin1').catch(() => '');
    if (holdsSecret(text, secrets)) found.push(path);
  }
  return found;
}

export interface ProcessSampler {
  /** Stops sampling: how many samples were taken and the command lines of processes that held a secret. */
  stop(): { samples: number; leaks: string[] };
}

/**
 * Reads every process's command line and environment from /proc every `intervalMs` while flows run (only
 * `root`'s process tree when given): a password handed to a child process (an argument, a variable) shows
 * up there for as long as it runs.
 */
export function sampleProcesses(
  secrets: readonly TestSecret[],
  { intervalMs = 20, root }: { intervalMs?: number; root?: number } = {},
): ProcessSampler {
  const forms = secrets.flatMap(secretForms);
  const redacted = (text: string): string => forms.reduce((rest, form) => rest.replaceAll(form, '***'), text);
  const leaks = new Set<string>();
  let samples = 0;
  const timer = setInterval(() => {
    samples += 1;
    const among = root === undefined ? undefined : processTree(root);
    const holding = processesWhere((text) => forms.some((form) => text.includes(form)), among);
    for (const info of holding) leaks.add(redacted(info.cmdline).slice(0, 80));
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { samples, leaks: [...leaks] };
    },
  };
}
