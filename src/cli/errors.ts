import { API_GROUP, CLAIM_KIND, CLAIM_PLURAL } from '../config';

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
  /** The API server failed the request (429, 5xx), or apctl did (a bug): try again, then report it. */
  failed: 7,
} as const;

/** Node's error codes of a request that never got an answer: network, DNS, TLS. */
const NO_ANSWER = /^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET|EAI_AGAIN|EPIPE|UND_ERR_\w+|CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_\w+|ERR_TLS_\w+)$/;

/** An error the CLI prints as one line and exits with. */
export class CliError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

/** What a user can act on, from a failed API request. */
export function explain(e: any, server: string, what: string): CliError {
  if (e instanceof CliError) return e;
  const status = typeof e?.code === 'number' ? e.code : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  const message = String(e?.body?.message ?? e?.message ?? e);
  // Unreachable only when the request got no answer at all (by Node's error code, never by words
  // in a message: a refusal that mentions a certificate ARN is still an answer).
  // (node-fetch also puts the code into its message: "request to … failed, reason: connect ECONNREFUSED …".)
  const fromMessage = /reason: (?:connect |getaddrinfo |read |write )?([A-Z_]+)/.exec(message)?.[1];
  const cause = [e?.cause?.code, e?.code, e?.cause?.cause?.code, fromMessage].find((c) => typeof c === 'string' && NO_ANSWER.test(c));
  if (cause) return new CliError(EXIT.unreachable, `cannot reach the Kubernetes API server at ${server} (${cause}); check --kubeconfig and --context`);
  if (status === 401) return new CliError(EXIT.unreachable, `the API server at ${server} did not accept the credentials of the current context (401 Unauthorized); check --kubeconfig and --context`);
  if (status === 403) return new CliError(EXIT.forbidden, `forbidden: cannot ${what}: ${message}`);
  if (status === 404) return new CliError(EXIT.notFound, `not found: cannot ${what}: ${message}`);
  // The API server's answer to the request itself (an admission rule, a transition rule, a conflict).
  if (status === 400 || status === 409 || status === 422) return new CliError(EXIT.notReady, `refused: cannot ${what}: ${message}`);
  if (status === 429 || (status !== undefined && status >= 500)) return new CliError(EXIT.failed, `the API server at ${server} failed to ${what} (${status}): ${message}; try again`);
  return new CliError(EXIT.failed, `cannot ${what}: ${message}`);
}

/** The platform API is not served: say how to install it. */
export const notInstalled = (server: string) =>
  new CliError(EXIT.notInstalled, `the ${CLAIM_KIND} API is not installed on ${server} (no ${CLAIM_PLURAL}.${API_GROUP}): install the platform first (docs/operations.md, "Install from zero")`);
