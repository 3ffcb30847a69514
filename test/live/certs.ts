import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The certificates of the live control plane, made by openssl at start: one CA for the run, a
 * server certificate for 127.0.0.1 (the functions' gRPC servers and Crossplane's webhook server)
 * and a client certificate for Crossplane core, which always calls functions over mTLS. Each
 * folder holds tls.crt, tls.key and ca.crt, the layout Crossplane and the function SDK read.
 */
export interface Certificates {
  /** The CA certificate (PEM), for the webhook configuration's caBundle. */
  readonly caPem: string;
  /** tls.crt/tls.key for 127.0.0.1 and localhost (serverAuth), with ca.crt. */
  readonly serverDir: string;
  /** tls.crt/tls.key for Crossplane core (clientAuth), with ca.crt. */
  readonly clientDir: string;
}

const openssl = (cwd: string, ...args: string[]) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });

function issue(dir: string, caDir: string, cn: string, ext: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'ext.cnf'), ext);
  openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tls.key', '-out', 'tls.csr', '-subj', `/CN=${cn}`);
  openssl(dir, 'x509', '-req', '-in', 'tls.csr', '-CA', path.join(caDir, 'ca.crt'), '-CAkey', path.join(caDir, 'ca.key'),
    '-CAcreateserial', '-days', '2', '-sha256', '-extfile', 'ext.cnf', '-out', 'tls.crt');
  fs.copyFileSync(path.join(caDir, 'ca.crt'), path.join(dir, 'ca.crt'));
}

/** Make the CA and both certificates under `dir`. */
export function makeCertificates(dir: string): Certificates {
  const caDir = path.join(dir, 'ca');
  fs.mkdirSync(caDir, { recursive: true });
  openssl(caDir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2',
    '-subj', '/CN=assessment-platform live control plane CA');
  const serverDir = path.join(dir, 'server');
  const clientDir = path.join(dir, 'client');
  issue(serverDir, caDir, '127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n');
  issue(clientDir, caDir, 'crossplane', 'extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature,keyEncipherment\n');
  return { caPem: fs.readFileSync(path.join(caDir, 'ca.crt'), 'utf8'), serverDir, clientDir };
}
