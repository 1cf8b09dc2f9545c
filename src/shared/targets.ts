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
  /**
   * Runs a command; `stdin` says what is typed into it (the password never goes in `command`). An `optional`
   * one (showing the drive in Explorer or Finder) does not stop the plan when it fails.
   */
  | {
      kind: 'run';
      command: string[];
      stdin?: 'password' | 'nothing';
      optional?: boolean;
    }
  /** Windows: the WebClient service (the WebDAV redirector) must run; started when it may be, else explained. */
  | { kind: 'require-service'; service: 'WebClient' }
  /** Windows: stops before anything changes when the drive letter is already taken. */
  | { kind: 'require-free-drive'; letter: string }
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
  | { kind: 'remove-line'; file: string; line: string }
  /** Stops here while the program has the profile open: it would overwrite what Ponte writes when it quits. */
  | { kind: 'require-closed'; program: 'thunderbird'; profile: string }
  /** Copies a file into the `to` folder, named with the time, before it is changed (none yet: nothing kept). */
  | { kind: 'backup-file'; file: string; to: string }
  /**
   * Sets preferences in a Mozilla prefs.js: `prefs` are Ponte's own (set or replaced), `ifAbsent` only when the
   * profile has none yet (the default account), `lists` appends an item to a comma-separated list preference.
   */
  | { kind: 'set-prefs'; file: string; prefs: PrefEntry[]; ifAbsent: PrefEntry[]; lists: ListEntry[] }
  /**
   * Removes what Thunderbird made for the preferences under `branches` (an IMAP account's local folder, a
   * CardDAV book's database), inside `profile` only; runs before `remove-prefs`, which names them.
   */
  | { kind: 'remove-profile-data'; file: string; profile: string; branches: string[] }
  /** Takes them back: every preference under `branches`, the list items, and `ifEquals` where still ours. */
  | { kind: 'remove-prefs'; file: string; branches: string[]; lists: ListEntry[]; ifEquals: PrefEntry[] }
  /** Writes a whole file Ponte owns (an Evolution source), and removes it. */
  | { kind: 'write-file'; file: string; content: string }
  | { kind: 'remove-file'; file: string };

export type PrefValue = string | number | boolean;
export interface PrefEntry {
  key: string;
  value: PrefValue;
}
export interface ListEntry {
  key: string;
  item: string;
}

/** What can be set up on a machine. */
export const TARGET_KINDS = ['mount', 'thunderbird', 'evolution'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export type TargetWarning =
  | 'windowsFileSizeLimit'
  | 'windowsBasicAuthOverHttps'
  | 'macosFinderLimits'
  | 'thunderbirdAsksPassword'
  | 'evolutionAsksPassword'
  /** A name (from the server, or the account's) held characters no program shows: written cleaned. */
  | 'namesCleaned';

/** Any target's plan: where the result is, the steps, their undo, and what the person should know. */
export interface TargetPlan {
  target: TargetKind;
  /** Where the person finds it (a GVfs URI, a drive letter, a Thunderbird profile, a folder). */
  location: string;
  steps: PlanStep[];
  undo: PlanStep[];
  warnings: TargetWarning[];
}

export interface MountPlan extends TargetPlan {
  target: 'mount';
  os: MountOs;
  /** Where the files appear once mounted (a GVfs URI, a drive letter, a /Volumes path). */
  location: string;
}

/** The outcome of setting a target up (or of a dry run): where it is, and what was (or would be) done. */
export interface TargetOutcome {
  changed: boolean;
  location: string;
  plan: TargetPlan;
}

/** A program or place on this machine a target can be set up in, as detection found it. */
export interface TargetAvailability {
  target: TargetKind;
  /** False when the program is not installed (or the account has nothing for it, e.g. no drive). */
  available: boolean;
  /** Why not, as a message key (`noDrive`, `notInstalled`, `neverStarted` …). */
  reason?: string;
  /** Where it would go (the Thunderbird profile, the Evolution sources folder, the drive URI). */
  location?: string;
  /** Already set up for this account (recorded with its undo). */
  configured: boolean;
}

/** A QR code as its modules, row by row (1 = dark), `size` × `size`. */
export interface QrCode {
  size: number;
  modules: (0 | 1)[];
}

/** DAVx⁵'s login link for the account (no password) and the same as a QR code to scan from the screen. */
export interface PhoneSetup {
  link: string;
  qr: QrCode;
}
