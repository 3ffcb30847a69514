import * as fs from 'fs';
import * as path from 'path';
import { CROSSPLANE_VERSION, FUNCTIONS, PLATFORM_VERSION, PROVIDER_ROLE_NAME, PROVIDER_SERVICE_ACCOUNT, PROVIDER_VERSION } from '../src/config';
import { EXAMPLE_CLAIMS } from '../src/examples/claims';
import { CROSSPLANE_CORE_FLAGS } from '../src/install/crossplane-core';
import { allCrds } from './helpers/crds';
import { compositionDocs, distDocs, distObjects } from './helpers/dist';
import { REPO_ROOT } from './helpers/repo';

/**
 * The Crossplane install (issue 13): the packages follow from what the Compositions compose, read
 * here from dist/ and from the real CRDs (never from the code that wrote them), and no object
 * carries or points at a static AWS key.
 */
const packages = () => distDocs()['crossplane-packages.yaml'];
const ofKind = (kind: string) => packages().filter((o) => o.kind === kind);

/** group/Kind of every AWS managed resource a Composition in dist/ composes. */
function composed(): { group: string; kind: string }[] {
  const seen = new Map<string, { group: string; kind: string }>();
  for (const c of compositionDocs()) {
    for (const step of c.spec.pipeline) {
      for (const r of step.input?.resources ?? []) {
        const group = r.base.apiVersion.split('/')[0];
        if (group.endsWith('.aws.upbound.io')) seen.set(`${group}/${r.base.kind}`, { group, kind: r.base.kind });
      }
    }
  }
  return [...seen.values()];
}

describe('Crossplane packages (dist/crossplane-packages.yaml)', () => {
  test('one family Provider per composed API group, pinned to the CRDs at hand, and nothing unused', () => {
    const groups = [...new Set(composed().map((k) => k.group))].sort();
    const want = groups.map((g) => `xpkg.crossplane.io/crossplane-contrib/provider-aws-${g.replace('.aws.upbound.io', '')}:${PROVIDER_VERSION}`);
    expect(ofKind('Provider').map((p) => p.spec.package).sort()).toEqual(want);
    expect(PROVIDER_VERSION).toBe('v2.6.0');
    // Every composed kind has its CRD at that version under CRDS_DIR (provider-aws/ is v2.6.0).
    const served = new Set(allCrds().map((c) => `${c.spec.group}/${c.spec.names.kind}`));
    expect(composed().map((k) => `${k.group}/${k.kind}`).filter((k) => !served.has(k))).toEqual([]);
  });

  test('a new composed kind without its provider fails this check (a Composition with an sns kind, sns provider removed)', () => {
    const providers = ofKind('Provider').filter((p) => !p.spec.package.includes('/provider-aws-sns:'));
    const groups = [...new Set(composed().map((k) => k.group))];
    const missing = groups.filter((g) => !providers.some((p) => p.spec.package.includes(`/provider-aws-${g.replace('.aws.upbound.io', '')}:`)));
    expect(missing).toEqual(['sns.aws.upbound.io']);
  });

  test('the activation policy activates exactly the composed kinds, by the names of their real CRDs', () => {
    const [mrap] = ofKind('ManagedResourceActivationPolicy');
    const crdNames = composed().map((k) => allCrds().find((c) => c.spec.group === k.group && c.spec.names.kind === k.kind).metadata.name).sort();
    expect([...mrap.spec.activate].sort()).toEqual(crdNames);
    expect(mrap.spec.activate.some((a: string) => a.includes('*'))).toBe(false);
  });

  test("the Crossplane chart's values switch the activate-everything default off and carry the core flags", () => {
    const app = distDocs()['argocd-applications.yaml'].find((o) => o.spec.source.chart === 'crossplane');
    expect(app.spec.source.targetRevision).toBe(CROSSPLANE_VERSION.replace(/^v/, ''));
    expect(app.spec.source.helm.valuesObject).toEqual({ args: [...CROSSPLANE_CORE_FLAGS], provider: { defaultActivations: [] } });
  });

  test('the Functions are the ones every pipeline calls, at the versions the tests render with', () => {
    const fns = ofKind('Function');
    expect(fns.map((f) => `${f.metadata.name}=${f.spec.package}`).sort()).toEqual(Object.values(FUNCTIONS).map((f) => `${f.name}=${f.package}`).sort());
    const called = new Set(compositionDocs().flatMap((c) => c.spec.pipeline.map((s: any) => s.functionRef.name)));
    expect([...called].sort()).toEqual(fns.map((f) => f.metadata.name).sort());
    // scripts/install-go-tools.sh builds the same versions (tools.test.ts checks the script against FUNCTIONS too).
    const script = fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'install-go-tools.sh'), 'utf8');
    for (const f of fns) expect(script).toContain(`${f.metadata.name}@${f.spec.package.split(':')[1]}`);
  });

  test('every Provider runs with the runtime config, as the one service account kept in Git (for Pod Identity or IRSA)', () => {
    const [drc] = ofKind('DeploymentRuntimeConfig');
    const [sa] = ofKind('ServiceAccount');
    expect([sa.metadata.namespace, sa.metadata.name]).toEqual(['crossplane-system', PROVIDER_SERVICE_ACCOUNT]);
    // Named in the deployment template, so Crossplane creates no account per provider revision.
    expect(drc.spec.deploymentTemplate.spec.template.spec.serviceAccountName).toBe(PROVIDER_SERVICE_ACCOUNT);
    expect(drc.spec.serviceAccountTemplate).toBeUndefined();
    for (const o of [drc, sa]) expect(o.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-1');
    for (const p of ofKind('Provider')) expect(p.spec.runtimeConfigRef).toEqual({ apiVersion: drc.apiVersion, kind: drc.kind, name: drc.metadata.name });
  });
});

describe('provider config (dist/provider-config.yaml)', () => {
  const configs = () => distDocs()['provider-config.yaml'];

  test('one ProviderConfig per account the claims name, with Pod Identity and the role in that account', () => {
    for (const c of EXAMPLE_CLAIMS) {
      const pc = configs().find((o) => o.metadata.name === c.parameters.providerConfigName);
      expect(pc).toBeDefined();
      expect(pc.spec).toEqual({ credentials: { source: 'PodIdentity' }, assumeRoleChain: [{ roleARN: `arn:aws:iam::${c.parameters.awsAccountId}:role/${PROVIDER_ROLE_NAME}` }] });
    }
    expect(configs().length).toBe(new Set(EXAMPLE_CLAIMS.map((c) => c.parameters.awsAccountId)).size);
  });
});

/** Paths in an object whose key or value looks like a static AWS credential or a Secret used as one. */
export function staticKeyFindings(o: any, at = ''): string[] {
  if (Array.isArray(o)) return o.flatMap((v, i) => staticKeyFindings(v, `${at}[${i}]`));
  if (o === null || typeof o !== 'object') {
    return typeof o === 'string' && /\b(AKIA|ASIA)[A-Z0-9]{16}\b|aws_secret_access_key|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID/.test(o) ? [`${at}: ${o.slice(0, 40)}`] : [];
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    const p = at ? `${at}.${k}` : k;
    if (/^(accessKey|accessKeyId|secretKey|secretAccessKey|sessionToken)$/i.test(k)) out.push(p);
    if (k === 'credentials' && v && typeof v === 'object' && ((v as any).source === 'Secret' || (v as any).secretRef || (v as any).env || (v as any).fs)) out.push(`${p}: source ${(v as any).source}`);
    out.push(...staticKeyFindings(v, p));
  }
  return out;
}

describe('no static keys anywhere', () => {
  test('no object in dist/ has an access-key field, a key value or a credentials Secret source', () => {
    expect(distObjects().flatMap((o) => staticKeyFindings(o).map((f) => `${o.kind}/${o.metadata?.name}: ${f}`))).toEqual([]);
  });

  test('the check finds a Secret-sourced ProviderConfig, an access key in an env var and a key value', () => {
    const bad = [
      { kind: 'ProviderConfig', spec: { credentials: { source: 'Secret', secretRef: { name: 'aws-creds', namespace: 'crossplane-system', key: 'creds' } } } },
      { kind: 'DeploymentRuntimeConfig', spec: { deploymentTemplate: { spec: { template: { spec: { containers: [{ env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'x' }] }] } } } } } },
      { kind: 'ConfigMap', data: { key: 'AKIAIOSFODNN7EXAMPLE' } },
      { kind: 'Secret', stringData: { secretAccessKey: 'x' } },
    ];
    expect(bad.map((o) => staticKeyFindings(o).length > 0)).toEqual([true, true, true, true]);
  });
});

describe('release version', () => {
  test("the Configuration package's tag is package.json's version", () => {
    expect(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version).toBe(PLATFORM_VERSION);
  });
});
