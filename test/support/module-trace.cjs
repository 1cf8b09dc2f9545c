// Preloaded with `node -r` by startup-modules.test.ts: records every package (a bare `require` name, not a
// file of the app or a node: built-in) the process loads, listed in PONTE_MODULE_TRACE as it goes; and every
// module at all (built-ins as `node:NAME`, files by path) in PONTE_MODULE_TRACE.files.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const { builtinModules } = Module;
const loaded = new Set();
const files = new Set();
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  let file = request;
  try {
    const resolved = Module._resolveFilename(request, parent);
    file = builtinModules.includes(resolved.replace(/^node:/, ''))
      ? `node:${resolved.replace(/^node:/, '')}`
      : resolved;
  } catch {
    // Left to the real loader to report.
  }
  if (!files.has(file)) {
    files.add(file);
    writeFileSync(`${process.env.PONTE_MODULE_TRACE}.files`, JSON.stringify([...files]));
  }
  const bare = !request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:');
  const name = request
    .split('/')
    .slice(0, request.startsWith('@') ? 2 : 1)
    .join('/');
  if (bare && !builtinModules.includes(name) && !loaded.has(name)) {
    loaded.add(name);
    // At once, not at exit: a server under test is stopped by a signal.
    writeFileSync(process.env.PONTE_MODULE_TRACE, JSON.stringify([...loaded]));
  }
  return load.call(this, request, parent, ...rest);
};
writeFileSync(process.env.PONTE_MODULE_TRACE, '[]');
writeFileSync(`${process.env.PONTE_MODULE_TRACE}.files`, '[]');
