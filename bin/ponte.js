#!/usr/bin/env node
// Entry of the `ponte` command: runs the CLI built into out/ by `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error('Ponte is not built yet: run "npm run build" in ' + join(__dirname, '..') + ' first.');
  process.exit(1);
}
require(cli);
