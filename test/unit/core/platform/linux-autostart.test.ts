import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autostartEntry,
  autostartFile,
  quoteExecArgument,
  setLinuxAutostart,
} from '@core/platform/linux-autostart';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-autostart-');

describe('Linux autostart entry', () => {
  it('goes in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/x/conf' }, '/home/anna')).toBe(
      '/x/conf/autostart/ponte.desktop',
    );
    expect(autostartFile({}, '/home/anna')).toBe('/home/anna/.config/autostart/ponte.desktop');
  });

  it('quotes Exec arguments as the Desktop Entry spec says', () => {
    expect(quoteExecArgument('/opt/Ponte/ponte')).toBe('/opt/Ponte/ponte');
    expect(quoteExecArgument('/home/anna/My Apps/ponte')).toBe('"/home/anna/My Apps/ponte"');
    expect(quoteExecArgument('a"b$c`d\\e')).toBe('"a\\"b\\$c\\`d\\\\e"');
    // A literal % would be read as a field code.
    expect(autostartEntry(['/opt/100%/ponte', '--hidden'])).toContain('Exec="/opt/100%%/ponte" --hidden\n');
  });

  it('writes the entry when enabled and removes it when disabled, twice over without error', async () => {
    const path = join(dir(), 'autostart', 'ponte.desktop');
    await setLinuxAutostart(true, ['/opt/Ponte/ponte', '--hidden'], path);
    const text = await readFile(path, 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    expect(text).toContain('Exec=/opt/Ponte/ponte --hidden\n');
    expect((await stat(path)).mode & 0o777).toBe(0o644);
    await setLinuxAutostart(false, [], path);
    await setLinuxAutostart(false, [], path);
    await expect(stat(path)).rejects.toThrow();
  });
});
