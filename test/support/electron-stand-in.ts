import { EventEmitter } from 'node:events';
import type * as ElectronModule from 'electron';

// A stand-in for the `electron` module (the binary cannot be downloaded here), for the main-process specs in
// test/unit/main: each piece implements the part of Electron's own type the main process uses — `Pick`ed
// from electron.d.ts, so a signature that drifts from Electron's fails `npm run typecheck` — and records
// what was done with it. What Electron itself then does stays for the Electron E2E run (CI's matrix).

type Listener = (...args: never[]) => unknown;
type Handler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;

let nextContentsId = 1;

export class StandInWebContents
  extends EventEmitter
  implements Pick<Electron.WebContents, 'id' | 'getURL' | 'loadURL' | 'setWindowOpenHandler'>
{
  readonly id = nextContentsId++;
  url = '';
  loaded: string[] = [];
  windowOpenHandler?: Parameters<Electron.WebContents['setWindowOpenHandler']>[0];

  getURL(): string {
    return this.url;
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    this.loaded.push(url);
    return Promise.resolve();
  }
  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }
  /** Emits an event Electron would, with a preventable event object; returns whether it was prevented. */
  dispatch(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class StandInBrowserWindow
  extends EventEmitter
  implements
    Pick<Electron.BrowserWindow, 'show' | 'focus' | 'isMinimized' | 'restore' | 'isDestroyed' | 'loadURL'>
{
  static all: StandInBrowserWindow[] = [];
  readonly webContents = new StandInWebContents();
  shown = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    StandInBrowserWindow.all.push(this);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

export class StandInTray
  extends EventEmitter
  implements Pick<Electron.Tray, 'setToolTip' | 'setContextMenu'>
{
  static all: StandInTray[] = [];
  toolTip = '';
  menu: StandInMenu | null = null;
  constructor(readonly image: unknown) {
    super();
    StandInTray.all.push(this);
  }
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  setContextMenu(menu: Electron.Menu | null): void {
    this.menu = menu as unknown as StandInMenu | null;
  }
}

export class StandInNotification extends EventEmitter implements Pick<Electron.Notification, 'show'> {
  static shown: StandInNotification[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: Electron.NotificationConstructorOptions) {
    super();
  }
  show(): void {
    StandInNotification.shown.push(this);
  }
}

export interface StandInMenu {
  template: Electron.MenuItemConstructorOptions[];
}

interface StandInState {
  singleInstance: boolean;
  locale: string;
  paths: Map<string, string>;
  quit: number;
  sandbox: boolean;
  loginItem: Electron.Settings | null;
  applicationMenu: StandInMenu | null;
  opened: string[];
  privileged: Electron.CustomScheme[];
  protocols: Map<string, (request: Request) => Promise<Response> | Response>;
  permissionRequest?: Parameters<Electron.Session['setPermissionRequestHandler']>[0];
  permissionCheck?: Parameters<Electron.Session['setPermissionCheckHandler']>[0];
  ipc: Map<string, Handler>;
}

export const state: StandInState = freshState();

function freshState(): StandInState {
  return {
    singleInstance: true,
    locale: 'en-US',
    paths: new Map(),
    quit: 0,
    sandbox: false,
    loginItem: null,
    applicationMenu: null,
    opened: [],
    privileged: [],
    protocols: new Map(),
    ipc: new Map(),
  };
}

let ready: () => void = () => undefined;
let readyPromise = new Promise<void>((resolve) => (ready = resolve));

const appEvents = new EventEmitter();
export const app = Object.assign(appEvents, {
  isPackaged: false,
  whenReady: (): Promise<void> => readyPromise,
  getPath: (name: string): string => state.paths.get(name) ?? `/tmp/stand-in-${name}`,
  setPath: (name: string, path: string): void => void state.paths.set(name, path),
  enableSandbox: (): void => void (state.sandbox = true),
  requestSingleInstanceLock: (): boolean => state.singleInstance,
  quit: (): void => void (state.quit += 1),
  getName: (): string => 'Ponte',
  getVersion: (): string => '0.0.0-stand-in',
  getAppPath: (): string => process.cwd(),
  getLocale: (): string => state.locale,
  getPreferredSystemLanguages: (): string[] => [state.locale],
  getLoginItemSettings: (): Electron.LoginItemSettings =>
    ({ wasOpenedAtLogin: false }) as Electron.LoginItemSettings,
  setLoginItemSettings: (settings: Electron.Settings): void => void (state.loginItem = settings),
}) satisfies Pick<
  Electron.App,
  | 'whenReady'
  | 'getPath'
  | 'setPath'
  | 'enableSandbox'
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'getName'
  | 'getVersion'
  | 'getAppPath'
  | 'getLocale'
  | 'getPreferredSystemLanguages'
  | 'setLoginItemSettings'
>;

/** Fires `ready`: what Electron does once it has started. */
export function becomeReady(): void {
  ready();
}

export const ipcMain = {
  handle: (channel: string, listener: Handler): void => {
    if (state.ipc.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.ipc.set(channel, listener);
  },
  removeHandler: (channel: string): void => void state.ipc.delete(channel),
} satisfies Pick<Electron.IpcMain, 'handle' | 'removeHandler'>;

export const Menu = {
  buildFromTemplate: (template: Electron.MenuItemConstructorOptions[]): Electron.Menu =>
    ({ template }) as unknown as Electron.Menu,
  setApplicationMenu: (menu: Electron.Menu | null): void =>
    void (state.applicationMenu = menu as unknown as StandInMenu | null),
};

export const nativeImage = {
  createFromPath: (path: string): Electron.NativeImage => ({ path }) as unknown as Electron.NativeImage,
};

export const powerMonitor = new EventEmitter();

export const shell = {
  openExternal: (url: string): Promise<void> => {
    state.opened.push(url);
    return Promise.resolve();
  },
} satisfies Pick<Electron.Shell, 'openExternal'>;

export const protocol = {
  registerSchemesAsPrivileged: (schemes: Electron.CustomScheme[]): void =>
    void state.privileged.push(...schemes),
  handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response): void =>
    void state.protocols.set(scheme, handler),
} satisfies Pick<Electron.Protocol, 'handle' | 'registerSchemesAsPrivileged'>;

const sessionEvents = new EventEmitter();
export const session = {
  defaultSession: Object.assign(sessionEvents, {
    setPermissionRequestHandler: (handler: StandInState['permissionRequest']): void =>
      void (state.permissionRequest = handler),
    setPermissionCheckHandler: (handler: StandInState['permissionCheck']): void =>
      void (state.permissionCheck = handler),
  }),
};

export const dialog = {
  showMessageBox: (): Promise<Electron.MessageBoxReturnValue> =>
    Promise.resolve({ response: 0, checkboxChecked: false }),
};

/** The module as `vi.mock('electron', …)` hands it to the main process. */
export const electron = {
  app,
  BrowserWindow: StandInBrowserWindow,
  ipcMain,
  Menu,
  Tray: StandInTray,
  Notification: StandInNotification,
  nativeImage,
  powerMonitor,
  shell,
  protocol,
  session,
  dialog,
} as unknown as typeof ElectronModule;

/** A clean slate between specs: no windows, trays, notifications, handlers or recorded calls. */
export function resetElectron(): void {
  Object.assign(state, freshState());
  StandInBrowserWindow.all = [];
  StandInTray.all = [];
  StandInNotification.shown = [];
  appEvents.removeAllListeners();
  powerMonitor.removeAllListeners();
  sessionEvents.removeAllListeners();
  readyPromise = new Promise<void>((resolve) => (ready = resolve));
}

export type { Listener };
