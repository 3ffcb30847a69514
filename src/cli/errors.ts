import { API_GROUP, CLAIM_KIND, CLAIM_PLURAL } from '../config';
import { KubeError } from '../kube/client';

/** The exit codes scripts can rely on (apctl --help lists them). */
export const EXIT = {
  /** Everything asked about is Ready (status, wait), valid (validate), applied (apply), in sync (drift). */
  ok: 0,
  /** Not Ready, not valid, drifted, or a wait that timed out: the command worked and says what is wrong. */
  notReady: 1,
  /** A wrong command line or an unreadable file. */
  usage: 2,
  /** The cluster cannot be reached (network, TLS, credentials). */
  unreachable: 3,
  /** The platform API is not installed on the cluster (no claim CRD). */
  notInstalled: 4,
  /** The claim does not exist. */
  notFound: 5,
  /** RBAC refused a request. */
  forbidden: 6,
} as const;

/** An error the CLI prints as one line and exits with. */
export class CliError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

/** What a user can act on, from a failed API request. */
export function explain(e: any, server: string, what: string): CliError {
  if (e instanceof CliError) return e;
  const code = e instanceof KubeError ? e.code : (e?.code ?? e?.statusCode);
  const message = String(e?.body?.message ?? e?.message ?? e);
  const cause = String(e?.cause?.code ?? e?.code ?? '');
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|EAI_AGAIN|certificate|self[- ]signed|fetch failed/i.test(`${cause} ${message}`)) {
    return new CliError(EXIT.unreachable, `cannot reach the Kubernetes API server at ${server} (${cause && !/^\d+$/.test(cause) ? cause : message}); check --kubeconfig and --context`);
  }
  if (code === 401) return new CliError(EXIT.unreachable, `the API server at ${server} did not accept the credentials of the current context (401 Unauthorized); check --kubeconfig and --context`);
  if (code === 403) return new CliError(EXIT.forbidden, `forbidden: cannot ${what}: ${message}`);
  if (code === 404) return new CliError(EXIT.notFound, `not found: ${what}: ${message}`);
  return new CliError(EXIT.unreachable, `cannot ${what}: ${message}`);
}

/** The platform API is not served: say how to install it. */
export const notInstalled = (server: string) =>
  new CliError(EXIT.notInstalled, `the ${CLAIM_KIND} API is not installed on ${server} (no ${CLAIM_PLURAL}.${API_GROUP}): install the platform first (docs/operations.md, "Install from zero")`);
