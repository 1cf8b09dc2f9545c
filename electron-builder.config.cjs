// Release packaging. Fuses are flipped in the binary before signing, so a shipped Ponte cannot be turned into
// a general-purpose Node runtime ("living off the land") nor run code that is not its own signed asar.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.ponte.desktop',
  productName: 'Ponte',
  directories: { buildResources: 'build', output: 'dist' },
  files: ['out/**', 'resources/**', 'bin/**', 'package.json'],
  asar: true,
  asarUnpack: ['**/*.node'],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Office', icon: 'build/icon.png' },
  mac: { target: ['dmg'], category: 'public.app-category.productivity', hardenedRuntime: true },
  win: { target: ['nsis'] },
};
