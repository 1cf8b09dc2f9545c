import type { ChildProcess } from 'node:child_process';

/** What the bridge prints once it listens: its loopback address, the per-run token in the fragment. */
const ADDRESS = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/;

/**
 * The address of a bridge started as a child process (the launcher's app window, the E2E fixture), once it
 * listens; rejected with what it printed if it exits or stays silent past `timeoutMs`.
 */
export function bridgeAddress(bridge: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the bridge did not start:\n${output}`)), timeoutMs);
    bridge.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bridge.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = ADDRESS.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    bridge.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bridge exited with ${code}:\n${output}`));
    });
  });
}
