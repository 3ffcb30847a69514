import { crdFor } from './helpers/crds';
import { expandedPatches, ptInput, xrdSchemaDoc } from './helpers/dist';
import { missingSegment } from './helpers/field-path';

/**
 * Fields Crossplane itself adds to every LegacyCluster XR (not in the XRD's own schema), which
 * patches may read: the connection-secret reference that the claim controller sets.
 */
const CROSSPLANE_XR_FIELDS = {
  type: 'object',
  properties: {
    // Object metadata every XR has (the API server sets the UID).
    metadata: { type: 'object', properties: { uid: { type: 'string' }, name: { type: 'string' } } },
    spec: {
      type: 'object',
      properties: {
        writeConnectionSecretToRef: { type: 'object', properties: { name: { type: 'string' }, namespace: { type: 'string' } } },
      },
    },
  },
};

const xrHas = (p: string) => missingSegment(xrdSchemaDoc(), p) === undefined || missingSegment(CROSSPLANE_XR_FIELDS, p) === undefined;

/** Problems with the patches of one composed resource, each naming resource, patch and path. */
export function patchProblems(resource: any): string[] {
  const crd = crdFor(resource.base.apiVersion, resource.base.kind);
  if (!crd) return [`${resource.name}: no CRD for ${resource.base.apiVersion} ${resource.base.kind}`];
  const targetHas = (p: string) => missingSegment(crd.schema, p) === undefined;
  const problems: string[] = [];
  const say = (what: string, p: string) => problems.push(`composition resource ${resource.name}: ${what} ${p}`);
  for (const patch of expandedPatches(resource)) {
    switch (patch.type ?? 'FromCompositeFieldPath') {
      case 'FromCompositeFieldPath':
        if (!xrHas(patch.fromFieldPath)) say('fromFieldPath not in the XRD schema:', patch.fromFieldPath);
        if (!targetHas(patch.toFieldPath)) say(`toFieldPath not in ${crd.kind} ${crd.version}:`, patch.toFieldPath);
        break;
      case 'CombineFromComposite':
        for (const v of patch.combine.variables) if (!xrHas(v.fromFieldPath)) say('combine variable not in the XRD schema:', v.fromFieldPath);
        if (!targetHas(patch.toFieldPath)) say(`toFieldPath not in ${crd.kind} ${crd.version}:`, patch.toFieldPath);
        break;
      case 'ToCompositeFieldPath':
        if (!targetHas(patch.fromFieldPath)) say(`fromFieldPath not in ${crd.kind} ${crd.version}:`, patch.fromFieldPath);
        if (!patch.toFieldPath.startsWith('status.') || missingSegment(xrdSchemaDoc(), patch.toFieldPath) !== undefined) {
          say('toFieldPath not in the XRD status schema:', patch.toFieldPath);
        }
        break;
      default:
        say('unexpected patch type', patch.type);
    }
  }
  for (const d of resource.connectionDetails ?? []) {
    if (d.type === 'FromFieldPath' && !targetHas(d.fromFieldPath)) say(`connection detail ${d.name} not in ${crd.kind} ${crd.version}:`, d.fromFieldPath);
  }
  return problems;
}

describe('patch paths', () => {
  const resources: any[] = ptInput().resources;

  test.each(resources.map((r) => [r.name, r]))('%s: every path exists', (_n, r: any) => {
    expect(patchProblems(r)).toEqual([]);
  });

  test('every connection detail is a declared connectionSecretKey', () => {
    const { CONNECTION_SECRET_KEYS } = require('../src/api/status');
    const names = resources.flatMap((r) => (r.connectionDetails ?? []).map((d: any) => d.name));
    expect(new Set(names)).toEqual(new Set(CONNECTION_SECRET_KEYS));
  });

  test('a broken patch is reported with the composition, the resource and the path', () => {
    const cluster = resources.find((r) => r.name === 'aurora-cluster');
    const broken = {
      ...cluster,
      patches: [
        { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.parameters.database.backupRetentionDay', toFieldPath: 'spec.forProvider.backupRetentionPeriod' },
        { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.parameters.database.backupRetentionDays', toFieldPath: 'spec.forProvider.backupRetentionPeriods' },
        { type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.endpoint', toFieldPath: 'status.database.endpoints' },
      ],
    };
    expect(patchProblems(broken)).toEqual([
      'composition resource aurora-cluster: fromFieldPath not in the XRD schema: spec.parameters.database.backupRetentionDay',
      'composition resource aurora-cluster: toFieldPath not in Cluster v1beta2: spec.forProvider.backupRetentionPeriods',
      'composition resource aurora-cluster: toFieldPath not in the XRD status schema: status.database.endpoints',
    ]);
  });
});
