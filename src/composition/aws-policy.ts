import { combine, Patch, XR } from './patches';

/** Tokens a policy document may use; each is filled from the XR at compose time. */
export const TOKEN = { region: '${REGION}', account: '${ACCOUNT}', suffix: '${SUFFIX}' } as const;

const SOURCES: [string, string][] = [
  [TOKEN.region, XR.region],
  [TOKEN.account, XR.accountId],
  [TOKEN.suffix, XR.suffix],
];

/** An IAM or KMS policy document. */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly Record<string, unknown>[];
}

/**
 * A CombineFromComposite patch that writes `doc` as JSON to `to`, with the tokens replaced by the
 * claim's region, account ID and suffix, so every ARN in the policy is a real, scoped ARN.
 */
export function policyPatch(doc: PolicyDocument, to: string): Patch {
  return tokenPatch(JSON.stringify(doc), to);
}

/** The same for any string with tokens (e.g. an ARN). */
export function tokenPatch(text: string, to: string): Patch {
  if (text.includes('%')) throw new Error(`a templated value may not contain '%': ${text}`);
  const used = SOURCES.filter(([token]) => text.includes(token));
  if (!used.length) throw new Error(`no token in ${text}; use a literal instead`);
  let fmt = text;
  used.forEach(([token], i) => {
    fmt = fmt.split(token).join(`%[${i + 1}]s`);
  });
  return combine(used.map(([, path]) => path), fmt, to);
}

/** ARN of a CloudWatch Logs log group (with the `:*` stream suffix IAM needs). */
export const logGroupArn = (name: string) => `arn:aws:logs:${TOKEN.region}:${TOKEN.account}:log-group:${name}`;
export const accountRoot = `arn:aws:iam::${TOKEN.account}:root`;
