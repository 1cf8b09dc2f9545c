/** An OS program Ponte relies on to configure the machine, and what it is for. */
export interface PlatformTool {
  /** Command name looked up on PATH, or an absolute path. */
  command: string;
  purpose: 'drive-mount' | 'drive-credentials' | 'open-files';
  /** Debian/Ubuntu package that provides it, for the hint. */
  package?: string;
}

const TOOLS: Partial<Record<NodeJS.Platform, PlatformTool[]>> = {
  linux: [
    { command: 'gio', purpose: 'drive-mount', package: 'libglib2.0-bin' },
    { command: '/usr/libexec/gvfsd-dav', purpose: 'drive-mount', package: 'gvfs-backends' },
    { command: 'xdg-open', purpose: 'open-files', package: 'xdg-utils' },
  ],
  darwin: [
    { command: '/sbin/mount_webdav', purpose: 'drive-mount' },
    { command: '/usr/bin/security', purpose: 'drive-credentials' },
    { command: '/usr/bin/open', purpose: 'open-files' },
  ],
  win32: [
    { command: 'net', purpose: 'drive-mount' },
    { command: 'sc', purpose: 'drive-mount' },
  ],
};

export function platformTools(platform: NodeJS.Platform): PlatformTool[] {
  return TOOLS[platform] ?? [];
}
