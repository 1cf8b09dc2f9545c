// The build Playwright drives: identical to the release but for the one fuse Playwright needs, because
// `_electron.launch` attaches through --inspect (see Playwright's Electron "known issues").
const release = require('./electron-builder.config.cjs');

/** @type {import('electron-builder').Configuration} */
module.exports = {
  ...release,
  directories: { ...release.directories, output: 'dist-e2e' },
  electronFuses: { ...release.electronFuses, enableNodeCliInspectArguments: true },
};
