import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const alias = {
  '@core': resolve(__dirname, 'src/core'),
  '@shared': resolve(__dirname, 'src/shared'),
  '@renderer': resolve(__dirname, 'src/renderer/src'),
};

/**
 * The dev server (HMR, React refresh) needs inline scripts and a websocket; only while serving, relax the
 * CSP meta tag. Built files always carry the strict policy.
 */
function devServerCsp(): Plugin {
  return {
    name: 'ponte-dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  };
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // zod is bundled, not required from node_modules: its package entry loads every locale it has (about
      // 40 ms of each command's start), the bundle keeps the one it uses.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
          launcher: resolve(__dirname, 'src/cli/launcher.ts'),
          'web-bridge': resolve(__dirname, 'src/web-bridge/index.ts'),
          'write-provider-schema': resolve(__dirname, 'src/cli/write-provider-schema.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react(), devServerCsp()],
    build: {
      // electron-vite leaves the renderer unminified; the window (and the browser preview over the network
      // of the loopback) parse a third of the code minified.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
