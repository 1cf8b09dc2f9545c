import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir, removeTempDir } from './temp-dir';

const run = promisify(execFile);

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

/**
 * A server certificate signed by the rig's CA (its key sits in the rig's run dir), for names the rig's own
 * certificate does not cover or with validity dates in the past: the faults a user meets with a
 * misconfigured or forgotten server.
 */
export async function issueCertificate(
  rigDir: string,
  options: { names: string[]; validity?: { start: string; end: string } },
): Promise<IssuedCertificate> {
  const dir = await makeTempDir('ponte-cert-');
  try {
    const key = join(dir, 'key.pem');
    const csr = join(dir, 'req.csr');
    const cert = join(dir, 'cert.pem');
    const ext = join(dir, 'ext.cnf');
    // prettier-ignore
    await run('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', csr, '-subj', `/CN=${options.names[0] ?? 'test'}`]);
    await writeFile(
      ext,
      `subjectAltName=${options.names.map((n) => (/^\d/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')}\n`,
    );
    const ca = ['-cert', join(rigDir, 'ca.pem'), '-keyfile', join(rigDir, 'ca.key')];
    if (options.validity) {
      // Only `openssl ca` can set dates in the past (OpenSSL 3.0's x509 has no -not_before).
      const config = join(dir, 'ca.cnf');
      await writeFile(join(dir, 'index.txt'), '');
      await writeFile(join(dir, 'serial'), '1000\n');
      await writeFile(
        config,
        [
          '[ca]',
          'default_ca = test',
          '[test]',
          `database = ${join(dir, 'index.txt')}`,
          `new_certs_dir = ${dir}`,
          `serial = ${join(dir, 'serial')}`,
          'default_md = sha256',
          'policy = any',
          '[any]',
          'commonName = supplied',
          '',
        ].join('\n'),
      );
      // prettier-ignore
      await run('openssl', ['ca', '-batch', '-config', config, ...ca, '-in', csr, '-out', cert, '-notext',
        '-startdate', options.validity.start, '-enddate', options.validity.end, '-extfile', ext]);
    } else {
      // prettier-ignore
      await run('openssl', ['x509', '-req', '-in', csr, '-CA', join(rigDir, 'ca.pem'), '-CAkey', join(rigDir, 'ca.key'),
        '-set_serial', String(Date.now()), '-days', '2', '-extfile', ext, '-out', cert]);
    }
    return { certPem: await readFile(cert, 'utf8'), keyPem: await readFile(key, 'utf8') };
  } finally {
    await removeTempDir(dir);
  }
}

/** A self-signed certificate that no CA vouches for (a NAS out of the box). */
export async function selfSignedCertificate(names: string[]): Promise<IssuedCertificate> {
  const dir = await makeTempDir('ponte-cert-');
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const san = names.map((n) => (/^\d/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
    // prettier-ignore
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${names[0] ?? 'nas'}`, '-addext', `subjectAltName=${san}`]);
    return { certPem: await readFile(cert, 'utf8'), keyPem: await readFile(key, 'utf8') };
  } finally {
    await removeTempDir(dir);
  }
}
