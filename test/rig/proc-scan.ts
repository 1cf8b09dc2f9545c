import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  /** The state letter from /proc/PID/stat: `Z` is a zombie that only waits for its parent to reap it. */
  state: string;
  ppid: number;
  pgid: number;
  cmdline: string;
}

function readProcFile(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'latin1');
  } catch {
    // The process ended between listing /proc and reading it, or its environ is not ours to read.
    return undefined;
  }
}

export function processInfo(pid: number): ProcessInfo | undefined {
  const stat = readProcFile(pid, 'stat');
  if (stat === undefined) return undefined;
  // The command name in parentheses may itself hold spaces or parentheses: split after the last one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cmdline = (readProcFile(pid, 'cmdline') ?? '').split('\0').join(' ').trim();
  return { pid, state: fields[0] ?? '?', ppid: Number(fields[1]), pgid: Number(fields[2]), cmdline };
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** A PID counts as running unless it is gone or a zombie (PID 1 here reaps re-parented daemons late). */
export function isRunning(pid: number): boolean {
  const info = processInfo(pid);
  return info !== undefined && info.state !== 'Z';
}

export function runningGroupMembers(pgid: number): ProcessInfo[] {
  return allPids()
    .map(processInfo)
    .filter((info): info is ProcessInfo => info !== undefined && info.pgid === pgid && info.state !== 'Z');
}

/**
 * Processes whose command line or environment mentions `marker` (the rig's unique dir name). Dovecot
 * children carry it in their title (`instance_name`), Postfix children only in MAIL_CONFIG. Zombies
 * show no cmdline or environ, so they never match: they hold no port, file or memory any more.
 */
export function processesMentioning(marker: string): ProcessInfo[] {
  return processesWhere((text) => text.includes(marker));
}

/** `root` and every process started under it, as /proc shows them now. */
export function processTree(root: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const info of allPids().map(processInfo)) {
    if (info) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info.pid]);
  }
  const tree = new Set<number>([root]);
  for (const pid of tree) for (const child of children.get(pid) ?? []) tree.add(child);
  return tree;
}

/**
 * Processes (other than this one; only `among` when given) whose command line or environment passes `test`,
 * in one pass over /proc.
 */
export function processesWhere(test: (text: string) => boolean, among?: ReadonlySet<number>): ProcessInfo[] {
  return (among ? [...among] : allPids())
    .filter((pid) => pid !== process.pid)
    .filter((pid) => test(readProcFile(pid, 'cmdline') ?? '') || test(readProcFile(pid, 'environ') ?? ''))
    .map(processInfo)
    .filter((info): info is ProcessInfo => info !== undefined && info.state !== 'Z');
}
