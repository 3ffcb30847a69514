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

/**
 * The same for any string with tokens (e.g. an ARN). `fields` adds tokens of the tier's own:
 * `${NAME}` -> an XR field path (e.g. an ARN another tier published). Every token must resolve,
 * so the resource is not composed until they all have. The tier's own values are formatted with
 * %v: strings as they are, numbers (JSON doubles) without a decimal point.
 */
export function tokenPatch(text: string, to: string, fields: Record<string, string> = {}): Patch {
  if (text.includes('%')) throw new Error(`a templated value may not contain '%': ${text}`);
  const sources: [string, string][] = [...SOURCES, ...Object.entries(fields)];
  const used = sources.filter(([token]) => text.includes(token));
  if (!used.length) throw new Error(`no token in ${text}; use a literal instead`);
  const unused = Object.keys(fields).filter((t) => !text.includes(t));
  if (unused.length) throw new Error(`tokens ${unused.join(', ')} do not occur in ${text}`);
  let fmt = text;
  used.forEach(([token], i) => {
    fmt = fmt.split(token).join(`%[${i + 1}]${token in fields ? 'v' : 's'}`);
  });
  const left = fmt.match(/\$\{[A-Z_]+\}/);
  if (left) throw new Error(`unknown token ${left[0]} in ${text}`);
  return combine(used.map(([, path]) => path), fmt, to);
}

/**
 * `value` as JSON with tokens; a token in `raw` stands for a whole JSON value of its own (a number,
 * or an object given as JSON text), so its quotes are dropped: `"${PORT}"` becomes `${PORT}`.
 */
export function jsonTemplate(value: unknown, raw: readonly string[] = []): string {
  return raw.reduce((json, token) => json.split(`"${token}"`).join(token), JSON.stringify(value));
}

/** policyPatch with the tier's own tokens (see tokenPatch); `raw` as for jsonTemplate. */
export function policyPatchWith(doc: PolicyDocument, to: string, fields: Record<string, string>, raw: readonly string[] = []): Patch {
  return tokenPatch(jsonTemplate(doc, raw), to, fields);
}

/** ARN of a CloudWatch Logs log group (with the `:*` stream suffix IAM needs). */
export const logGroupArn = (name: string) => `arn:aws:logs:${TOKEN.region}:${TOKEN.account}:log-group:${name}`;
export const accountRoot = `arn:aws:iam::${TOKEN.account}:root`;
