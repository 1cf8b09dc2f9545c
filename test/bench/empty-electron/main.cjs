// The baseline for electron-first-window.bench-run.ts: Electron opening one window on an empty page, nothing else.
const { app, BrowserWindow } = require('electron');

app.whenReady().then(() => {
  const window = new BrowserWindow({ width: 800, height: 600 });
  void window.loadURL('data:text/html,<!doctype html><title>empty</title><p>empty</p>');
});
app.on('window-all-closed', () => app.quit());
