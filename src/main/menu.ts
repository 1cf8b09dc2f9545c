import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { showMainWindow, showProfileImport } from './window';

export function installMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Show Ponte', accelerator: 'CmdOrCtrl+1', click: showMainWindow },
        { label: 'Import IT profile…', accelerator: 'CmdOrCtrl+O', click: showProfileImport },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
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
          label: 'About Ponte',
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
