import { createInterface } from 'node:readline';
import { type Readable, Writable } from 'node:stream';

/** A password sent on standard input: the whole input, minus one trailing line break. */
export async function readPasswordFromStream(input: Readable, maxBytes = 4096): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw new Error('standard input is too long to be a password');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
export function promptHidden(question: string, input: Readable, output: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    let muted = false;
    const rl = createInterface({
      input,
      // Echo the question, swallow the typed characters.
      output: new Writable({
        write: (chunk: Buffer | string, _encoding, callback) => {
          if (!muted) output.write(chunk);
          callback();
        },
      }),
      terminal: true,
    });
    rl.question(question, (answer) => {
      rl.close();
      output.write('\n');
      resolve(answer);
    });
    muted = true;
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('cancelled'));
    });
  });
}

/** Asks on the terminal and shows what is typed (a user name). */
export function promptLine(question: string, input: Readable, output: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input, output, terminal: true });
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer.trim());
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('cancelled'));
    });
  });
}
