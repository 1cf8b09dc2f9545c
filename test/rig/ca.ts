import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './run-command';

export interface RigCertificates {
  caFile: string;
  caPem: string;
  certFile: string;
  keyFile: string;
}

/** Every name a test may use to reach a rig server; clients verify against these, never skip checks. */
export const serverNames = ['DNS:localhost', 'DNS:*.ponte.test', 'DNS:ponte.test', 'IP:127.0.0.1'];

// P-256 keys: generating RSA keys costs most of a rig start, and every server here takes ECDSA.
const keyArgs = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

const serial = (): string => `0x${randomBytes(8).toString('hex')}`;

/** A CA that exists for one run only, and a server certificate it signed for all of serverNames. */
export async function createCertificates(dir: string): Promise<RigCertificates> {
  const caFile = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca.key');
  const certFile = join(dir, 'server.pem');
  const keyFile = join(dir, 'server.key');
  const csrFile = join(dir, 'server.csr');
  const extFile = join(dir, 'server.ext');

  // prettier-ignore
  await runCommand('openssl', [
    'req', '-x509', ...keyArgs, '-keyout', caKey, '-out', caFile, '-days', '2', '-set_serial', serial(),
    '-subj', '/O=Ponte test rig/CN=Ponte rig CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  // prettier-ignore
  await runCommand('openssl', [
    'req', ...keyArgs, '-keyout', keyFile, '-out', csrFile, '-subj', '/O=Ponte test rig/CN=localhost',
  ]);
  await writeFile(
    extFile,
    [
      `subjectAltName=${serverNames.join(',')}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  );
  // prettier-ignore
  await runCommand('openssl', [
    'x509', '-req', '-in', csrFile, '-CA', caFile, '-CAkey', caKey, '-set_serial', serial(),
    '-days', '2', '-extfile', extFile, '-out', certFile,
  ]);
  return { caFile, caPem: await readFile(caFile, 'utf8'), certFile, keyFile };
}
