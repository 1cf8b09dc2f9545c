import { app } from 'electron';
import { join } from 'node:path';

/** Where the built pieces are, relative to out/main/index.js (inside app.asar when packaged). */
export const PRELOAD_PATH = join(__dirname, '../preload/index.js');
export const RENDERER_DIR = join(__dirname, '../renderer');
export const resourcePath = (...parts: string[]): string => join(app.getAppPath(), 'resources', ...parts);

/** electron-vite's dev server during `npm run dev`; the custom protocol otherwise. */
export const DEV_SERVER_URL = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
export const APP_ORIGIN = 'app://ponte';
export const UI_ORIGIN = DEV_SERVER_URL ? new URL(DEV_SERVER_URL).origin : APP_ORIGIN;
