// The `ponte` command: plain Node, all work done by core.
import { join } from 'node:path';
import { version } from '../../package.json';
import { processIo } from './output';
import { runCli } from './run-cli';

// `ponte providers | head`: the reader has gone; stop quietly as Unix tools do, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

runCli(process.argv.slice(2), { io: processIo, appRoot: join(__dirname, '../..'), version }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
