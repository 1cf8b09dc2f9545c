// What Ponte sets up on a machine, as data the core computes, the CLI prints and the UI shows. No step ever
// carries a password: it goes on a command's stdin or into the OS keychain.

export type MountOs = 'linux' | 'darwin' | 'win32';

export interface MountInput {
  /** The drive's https URL, as checked (e.g. https://kdrive.infomaniak.com/remote.php/dav/files/…/). */
  url: string;
  username: string;
  /** How the drive is named in the file manager ("kDrive — Studio Rossi"). */
  label: string;
  home: string;
  /** Windows: the drive letter to map (default Z). */
  driveLetter?: string;
}

export type PlanStep =
  /** A program the plan needs; `package` says what to install when it is missing. */
  | { kind: 'require'; program: string; package: string }
  /** Runs a command; `stdin` says what is typed into it (the password never goes in `command`). */
  | { kind: 'run'; command: string[]; stdin?: 'password' | 'nothing'; mayNeedAdmin?: boolean }
  /** Stores the password for `server` where the OS's WebDAV client looks for it. */
  | {
      kind: 'store-credential';
      store: 'windows-credential-manager' | 'macos-internet-password';
      server: string;
      port: number;
      path: string;
      username: string;
    }
  | {
      kind: 'remove-credential';
      store: 'windows-credential-manager' | 'macos-internet-password';
      server: string;
      username: string;
    }
  /** Adds or removes one line of a text file (a sidebar bookmark), leaving the rest byte for byte. */
  | { kind: 'add-line'; file: string; line: string }
  | { kind: 'remove-line'; file: string; line: string };

export interface MountPlan {
  os: MountOs;
  /** Where the files appear once mounted (a GVfs URI, a drive letter, a /Volumes path). */
  location: string;
  steps: PlanStep[];
  undo: PlanStep[];
  /** Facts the person should know (Windows' 50 MB file limit …), as message keys for the UI and CLI. */
  warnings: ('windowsFileSizeLimit' | 'windowsBasicAuthOverHttps' | 'macosFinderLimits')[];
}

/** The outcome of setting a target up (or of a dry run): where it is, and what was (or would be) done. */
export interface TargetOutcome {
  changed: boolean;
  location: string;
  plan: MountPlan;
}
