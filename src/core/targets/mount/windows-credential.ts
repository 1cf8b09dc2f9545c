import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PonteError } from '../../errors/ponte-error';
import { execute } from '../run-command';

// Windows' WebDAV redirector (the WebClient service) signs in with the credential Credential Manager holds
// for the server's host name as a *domain* password — what `cmdkey /add:HOST` makes. cmdkey would want the
// password on its command line (`/pass:`), visible to every process of the session, so Ponte calls CredWrite
// itself from a small PowerShell script: the script is a file (it holds no secret) and reads the password
// from its standard input. CRED_PERSIST_LOCAL_MACHINE: kept across logons on this computer, never roaming.

const SCRIPT = String.raw`param(
  [Parameter(Mandatory = $true)][ValidateSet('Add', 'Remove')][string]$Action,
  [Parameter(Mandatory = $true)][string]$Target,
  [string]$UserName = ''
)
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class PonteCredentialStore {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public struct Credential {
    public int Flags;
    public int Type;
    public string TargetName;
    public string Comment;
    public System.Runtime.InteropServices.ComTypes.FILETIME LastWritten;
    public int CredentialBlobSize;
    public IntPtr CredentialBlob;
    public int Persist;
    public int AttributeCount;
    public IntPtr Attributes;
    public string TargetAlias;
    public string UserName;
  }
  [DllImport("advapi32.dll", EntryPoint = "CredWriteW", CharSet = CharSet.Unicode, SetLastError = true)]
  public static extern bool Write(ref Credential credential, int flags);
  [DllImport("advapi32.dll", EntryPoint = "CredDeleteW", CharSet = CharSet.Unicode, SetLastError = true)]
  public static extern bool Delete(string target, int type, int flags);
}
'@
$DomainPassword = 2
$LocalMachine = 2
if ($Action -eq 'Remove') {
  if (-not [PonteCredentialStore]::Delete($Target, $DomainPassword, 0)) {
    $code = [Runtime.InteropServices.Marshal]::GetLastWin32Error()
    # 1168 ERROR_NOT_FOUND: already gone, which is what was wanted.
    if ($code -ne 1168) { [Console]::Error.WriteLine("CredDelete failed: $code"); exit 1 }
  }
  exit 0
}
$secret = [Console]::In.ReadLine()
if ([string]::IsNullOrEmpty($secret)) { [Console]::Error.WriteLine('No password on standard input.'); exit 2 }
$blob = [Runtime.InteropServices.Marshal]::StringToCoTaskMemUni($secret)
try {
  $credential = New-Object PonteCredentialStore+Credential
  $credential.Type = $DomainPassword
  $credential.TargetName = $Target
  $credential.UserName = $UserName
  $credential.CredentialBlob = $blob
  $credential.CredentialBlobSize = $secret.Length * 2
  $credential.Persist = $LocalMachine
  if (-not [PonteCredentialStore]::Write([ref]$credential, 0)) {
    [Console]::Error.WriteLine("CredWrite failed: $([Runtime.InteropServices.Marshal]::GetLastWin32Error())")
    exit 1
  }
} finally {
  [Runtime.InteropServices.Marshal]::ZeroFreeCoTaskMemUnicode($blob)
}
exit 0
`;

/** Windows PowerShell 5.1, on every Windows 10 and 11; no profile, no prompt, this one unsigned file only. */
const POWERSHELL = [
  'powershell.exe',
  '-NoLogo',
  '-NoProfile',
  '-NonInteractive',
  '-ExecutionPolicy',
  'Bypass',
];

export const CREDENTIAL_SCRIPT_NAME = 'ponte-webdav-credential.ps1';

/** The script's text, for review and tests: what runs is exactly this. */
export const credentialScript = (): string => SCRIPT;

/**
 * Stores (with `password`, given on stdin) or removes the WebClient credential for `server`. The script goes
 * to a private temp folder for the one call and is removed after.
 */
export async function windowsCredential(
  action: 'Add' | 'Remove',
  server: string,
  username: string,
  password?: string,
): Promise<void> {
  if (action === 'Add' && (password === undefined || /[\r\n\0]/.test(password))) {
    throw new PonteError(
      'INVALID_INPUT',
      'The password cannot be given to Windows’ credential store: it is missing or holds a line break.',
    );
  }
  const folder = await mkdtemp(join(tmpdir(), 'ponte-'));
  const script = join(folder, CREDENTIAL_SCRIPT_NAME);
  try {
    await writeFile(script, SCRIPT, { mode: 0o600 });
    const command = [
      ...POWERSHELL,
      '-File',
      script,
      '-Action',
      action,
      '-Target',
      server,
      '-UserName',
      username,
    ];
    const result = await execute(command, action === 'Add' ? { input: `${password}\n` } : {});
    if (result.code !== 0) {
      throw new PonteError(
        'MOUNT_FAILED',
        `Windows’ credential store refused the ${action === 'Add' ? 'password' : 'removal'} for ${server} (exit ${result.code}): ${result.output.trim()}`,
        'If your organisation blocks PowerShell scripts, ask IT to allow this one, or to connect the drive for you.',
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
