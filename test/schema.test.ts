import { allCrdVersions, crdFor } from './helpers/crds';
import { allComposed, compositionDocs, distObjects, isBuiltinKind, xrdDoc, xrdDocs, xrdFor } from './helpers/dist';
import { schemaErrors } from './helpers/schema-check';

/** Validate one object against the CRD of its exact apiVersion; returns errors. */
function validate(obj: any): string[] {
  const crd = crdFor(obj.apiVersion, obj.kind);
  if (!crd) return [`no CRD for ${obj.apiVersion} ${obj.kind}`];
  return schemaErrors(crd.schema, obj);
}

describe('schema: every composed base against the real CRD of its apiVersion', () => {
  // Every API's composed resources; a tier composite of this project has no CRD here (its XRD is
  // checked by crank beta validate on every rendered tier XR, test/validate.test.ts).
  const resources: any[] = allComposed().map((x) => x.resource).filter((r) => !xrdFor(r.base.kind));

  test('the CRDs are there', () => {
    expect(allCrdVersions().length).toBeGreaterThan(100);
  });

  test.each(resources.map((r) => [r.name, r]))('%s validates', (_name, r: any) => {
    expect(validate(r.base)).toEqual([]);
  });

  test.each(resources.map((r) => [r.name, r]))('%s uses the storage version, never a deprecated one', (_name, r: any) => {
    const crd = crdFor(r.base.apiVersion, r.base.kind)!;
    expect(crd.deprecated).toBe(false);
    expect(crd.storage).toBe(true);
  });

  test('a typo in a base is caught (unknown fields would be pruned silently by the API server)', () => {
    const cluster = resources.find((r) => r.name === 'aurora-cluster').base;
    const bad = { ...cluster, spec: { ...cluster.spec, forProvider: { ...cluster.spec.forProvider, storageEncryptd: true } } };
    expect(validate(bad).join('\n')).toContain('storageEncryptd');
  });

  test('a wrong type in a base is caught', () => {
    const vpc = resources.find((r) => r.name === 'vpc').base;
    const bad = { ...vpc, spec: { ...vpc.spec, forProvider: { ...vpc.spec.forProvider, enableDnsSupport: 'yes' } } };
    expect(validate(bad).join('\n')).toContain('must be boolean');
  });
});

describe('schema: every object in dist/ against its CRD', () => {
  const objects = distObjects().filter((o) => !o.apiVersion.startsWith('platform.assessment-platform.io/') && !isBuiltinKind(o));
  test.each(objects.map((o) => [`${o.kind}/${o.metadata.name}`, o]))('%s validates', (_n, o: any) => {
    expect(validate(o)).toEqual([]);
  });

  test('the XRD is apiextensions.crossplane.io/v1 with scope LegacyCluster and a claim', () => {
    const xrd = xrdDoc();
    expect(xrd.apiVersion).toBe('apiextensions.crossplane.io/v1');
    expect(xrd.spec.scope).toBe('LegacyCluster');
    expect(xrd.spec.claimNames.kind).toBe('AssessmentPlatform');
  });

  test('every tier XRD is apiextensions.crossplane.io/v1, cluster-scoped (LegacyCluster) and offers no claim', () => {
    const tiers = xrdDocs().filter((x) => x !== xrdDoc());
    expect(tiers.map((x) => x.spec.names.kind).sort()).toEqual(['XApplication', 'XAudit', 'XBackup', 'XCache', 'XDatabase', 'XEdge', 'XEndpoints', 'XEvents', 'XIntegrations', 'XKeys', 'XNetwork', 'XOperations']);
    for (const x of tiers) expect([x.spec.names.kind, x.apiVersion, x.spec.scope, x.spec.claimNames]).toEqual([x.spec.names.kind, 'apiextensions.crossplane.io/v1', 'LegacyCluster', undefined]);
  });

  test('every Composition runs patch-and-transform first, the CEL filter only where it has conditional resources, and auto-ready last', () => {
    for (const comp of compositionDocs()) {
      const steps = comp.spec.pipeline.map((s: any) => s.functionRef.name);
      const filtered = comp.spec.pipeline.some((s: any) => s.input?.filters?.length);
      expect([comp.metadata.name, comp.spec.mode, steps]).toEqual([
        comp.metadata.name,
        'Pipeline',
        ['function-patch-and-transform', ...(filtered ? ['function-cel-filter'] : []), 'function-auto-ready'],
      ]);
    }
    // Zone c, the NAT per AZ, the readers and API Gateway's account settings are conditional.
    expect(compositionDocs().filter((c) => c.spec.pipeline.length === 3).map((c) => c.spec.compositeTypeRef.kind).sort()).toEqual(['XApplication', 'XDatabase', 'XEdge', 'XEndpoints', 'XEvents', 'XIntegrations', 'XNetwork', 'XOperations']);
  });

  test('every pipeline step input of every Composition validates against its function input CRD', () => {
    for (const comp of compositionDocs()) {
      for (const step of comp.spec.pipeline) {
        const input = { ...step.input, metadata: { name: step.step } };
        expect({ composition: comp.metadata.name, step: step.step, errors: validate(input) }).toEqual({ composition: comp.metadata.name, step: step.step, errors: [] });
      }
    }
  });
});
