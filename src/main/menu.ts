import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import { showMainWindow, showProfileImport } from './window';

/** Ponte's own entries in the person's language; the standard ones (Edit, zoom, Quit) Electron translates. */
export function installMenu(t: TFunction): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.show'), accelerator: 'CmdOrCtrl+1', click: showMainWindow },
        { label: t('menu.importProfile'), accelerator: 'CmdOrCtrl+O', click: showProfileImport },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        // Developer tools only in development builds: in the field they would be a way around the sandbox UI.
        ...(app.isPackaged
          ? []
          : ([{ type: 'separator' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
      ],
    },
    {
      role: 'help',
      submenu: [
        {
          label: t('menu.about'),
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'Ponte',
              message: `Ponte ${app.getVersion()}`,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
