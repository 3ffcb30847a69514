import { composed, EXTERNAL_NAME, NAME_TAG } from '../src/composition/resource';

const base = { apiVersion: 'ec2.aws.upbound.io/v1beta1', kind: 'Vpc', spec: { forProvider: {} } };

describe('composed()', () => {
  test('adds the patch sets, then the Name tag (from the composed name), then the AWS-side name (nameFields), then its own patches', () => {
    const r = composed({ name: 'x', base, awsName: 'thing', nameFields: [EXTERNAL_NAME], patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'a', toFieldPath: 'b' } as any] });
    expect(r.patches!.map((p: any) => p.patchSetName ?? p.toFieldPath)).toEqual(['provider-config', 'deletion-policy', 'region', 'tags', NAME_TAG, EXTERNAL_NAME, 'b']);
    expect((r.patches![4] as any).transforms[0].string.fmt).toBe('ap-x-%s');
    expect((r.patches![5] as any).transforms[0].string.fmt).toBe('ap-thing-%s');
    expect((r.patches![5] as any).fromFieldPath).toBe('spec.parameters.environmentSuffix');
  });

  test('awsName without nameFields is a programming error (the Name tag does not use it)', () => {
    expect(() => composed({ name: 'tagged', base, awsName: 'thing' })).toThrow('composed resource tagged: awsName without nameFields');
  });

  test('a kind without tags gets no Name tag, only its nameFields', () => {
    const r = composed({ name: 'x', base, taggable: false, global: true, awsName: 'thing', nameFields: [EXTERNAL_NAME] });
    expect(r.patches!.map((p: any) => p.patchSetName ?? p.toFieldPath)).toEqual(['provider-config', 'deletion-policy', EXTERNAL_NAME]);
  });

  test('a resource retained in prod (keys, log groups) gets the retained deletion-policy patch set', () => {
    const r = composed({ name: 'x', base, retainedInProd: true });
    expect(r.patches!.map((p: any) => p.patchSetName)).toEqual(['provider-config', 'deletion-policy-retained-in-prod', 'region', 'tags']);
    expect(() => composed({ name: 'usage', base, managed: false, retainedInProd: true })).toThrow('composed resource usage: a deletion choice needs a managed resource');
  });

  test('a resource always deleted (the Aurora readers) gets Delete in its base and no deletion-policy patch set', () => {
    const r = composed({ name: 'reader', base, alwaysDeleted: true });
    expect(r.patches!.map((p: any) => p.patchSetName)).toEqual(['provider-config', 'region', 'tags', undefined]);
    expect((r.base as any).spec.deletionPolicy).toBe('Delete');
    expect(() => composed({ name: 'both', base, alwaysDeleted: true, retainedInProd: true })).toThrow('composed resource both: retainedInProd, alwaysDeleted and alwaysRetained exclude each other');
  });

  test("Crossplane's own kinds (managed: false) get no providerConfig, region or tags", () => {
    const r = composed({ name: 'x', base, managed: false, patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'a', toFieldPath: 'b' } as any] });
    expect(r.patches!.map((p: any) => p.patchSetName ?? p.toFieldPath)).toEqual(['b']);
  });

  test('nameFields without awsName is a programming error that names the resource', () => {
    expect(() => composed({ name: 'orphan-fields', base, nameFields: [EXTERNAL_NAME] })).toThrow('composed resource orphan-fields: nameFields needs awsName');
  });
});
