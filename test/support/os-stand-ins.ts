import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Windows' and macOS' own programs (sc.exe, net.exe, powershell.exe, explorer.exe, security, mount_webdav,
// open, umount…) cannot run here. These stand-ins take their names on PATH and record every call — its
// arguments, what came on stdin, its environment, and for `-File SCRIPT` the script's text — then answer as
// the test's rules say (exit code and output), so a test asserts the exact calls Ponte makes, in order, and
// where the password went. What the real programs do with those calls stays unproved here.

export interface StandInCall {
  program: string;
  args: string[];
  stdin: string;
  env: Record<string, string>;
  /** The text of the file after `-File`, read while the call ran (PowerShell scripts are removed after). */
  script?: string;
}

export interface StandInRule {
  program: string;
  /** Matches when every one of these is among the arguments. */
  args?: string[];
  code: number;
  output?: string;
}

export interface StandIns {
  /** Put first on PATH. */
  bin: string;
  calls(): Promise<StandInCall[]>;
  /** Replaces the rules; the first rule that matches a call answers it, otherwise exit 0 and no output. */
  answer(rules: StandInRule[]): Promise<void>;
}

const RECORDER = (log: string, rules: string) => `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const program = path.basename(process.argv[1]);
const args = process.argv.slice(2);
let stdin = '';
try { stdin = fs.readFileSync(0, 'utf8'); } catch {}
const file = args.indexOf('-File');
let script;
if (file !== -1 && args[file + 1]) { try { script = fs.readFileSync(args[file + 1], 'utf8'); } catch {} }
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ program, args, stdin, env: process.env, script }) + '\\n');
const rules = JSON.parse(fs.readFileSync(${JSON.stringify(rules)}, 'utf8'));
const rule = rules.find((r) => r.program === program && (r.args || []).every((a) => args.includes(a)));
if (rule && rule.output) process.stdout.write(rule.output);
process.exit(rule ? rule.code : 0);
`;

export async function createStandIns(dir: string, programs: readonly string[]): Promise<StandIns> {
  const bin = join(dir, 'bin');
  const log = join(dir, 'calls.jsonl');
  const rules = join(dir, 'rules.json');
  await mkdir(bin, { recursive: true });
  await writeFile(log, '');
  await writeFile(rules, '[]');
  for (const program of programs) {
    const file = join(bin, program);
    await writeFile(file, RECORDER(log, rules));
    await chmod(file, 0o755);
  }
  return {
    bin,
    calls: async () =>
      (await readFile(log, 'utf8'))
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as StandInCall),
    answer: (next) => writeFile(rules, JSON.stringify(next)),
  };
}
