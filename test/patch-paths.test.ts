import { crdFor } from './helpers/crds';
import { allComposed, ApiDocs, apiDocs, expandedPatches, ptInput, xrdFor } from './helpers/dist';
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

/** The schema a composed resource is checked against: its CRD, or for a tier of this project, the tier's XRD. */
function targetSchema(resource: any): { schema: any; kind: string; version: string } | undefined {
  const own = xrdFor(resource.base.kind);
  if (own && resource.base.apiVersion.startsWith(`${own.spec.group}/`)) return { schema: own.spec.versions[0].schema.openAPIV3Schema, kind: resource.base.kind, version: own.spec.versions[0].name };
  return crdFor(resource.base.apiVersion, resource.base.kind);
}

/** Problems with the patches of one composed resource of `api` (default: the platform), each naming resource, patch and path. */
export function patchProblems(resource: any, api: ApiDocs = apiDocs()[0]): string[] {
  const xrSchema = api.xrd.spec.versions[0].schema.openAPIV3Schema;
  const xrdStatusSchema = () => xrSchema;
  const xrHas = (p: string) => missingSegment(xrSchema, p) === undefined || missingSegment(CROSSPLANE_XR_FIELDS, p) === undefined;
  const crd = targetSchema(resource);
  if (!crd) return [`${resource.name}: no CRD for ${resource.base.apiVersion} ${resource.base.kind}`];
  // A tier composite of this project also has the fields Crossplane adds to every legacy XR.
  const targetHas = (p: string) => missingSegment(crd.schema, p) === undefined || (!!xrdFor(resource.base.kind) && missingSegment(CROSSPLANE_XR_FIELDS, p) === undefined);
  const problems: string[] = [];
  const say = (what: string, p: string) => problems.push(`composition resource ${resource.name}: ${what} ${p}`);
  for (const patch of expandedPatches(resource, api.input)) {
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
        if (!patch.toFieldPath.startsWith('status.') || missingSegment(xrdStatusSchema(), patch.toFieldPath) !== undefined) {
          say('toFieldPath not in the XRD status schema:', patch.toFieldPath);
        }
        break;
      case 'CombineToComposite':
        for (const v of patch.combine.variables) if (!targetHas(v.fromFieldPath)) say(`combine variable not in ${crd.kind} ${crd.version}:`, v.fromFieldPath);
        if (!patch.toFieldPath.startsWith('status.') || missingSegment(xrdStatusSchema(), patch.toFieldPath) !== undefined) {
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

  // Every composed resource of every API, against that API's XRD and the target's CRD (or XRD).
  test.each(allComposed().map(({ api, resource }) => [`${api.kind} ${resource.name}`, api, resource]))('%s: every path exists', (_n, api: any, r: any) => {
    expect(patchProblems(r, api)).toEqual([]);
  });

  test('every connection detail is a declared connectionSecretKey', () => {
    const { CONNECTION_SECRET_KEYS } = require('../src/api/status');
    const names = resources.flatMap((r) => (r.connectionDetails ?? []).map((d: any) => d.name));
    expect(new Set(names)).toEqual(new Set(CONNECTION_SECRET_KEYS));
  });

  test('a broken patch is reported with the composition, the resource and the path', () => {
    const database = apiDocs().find((a) => a.kind === 'XDatabase')!;
    const cluster = database.input.resources.find((r: any) => r.name === 'aurora-cluster');
    const broken = {
      ...cluster,
      patches: [
        { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.parameters.database.backupRetentionDay', toFieldPath: 'spec.forProvider.backupRetentionPeriod' },
        { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.parameters.database.backupRetentionDays', toFieldPath: 'spec.forProvider.backupRetentionPeriods' },
        { type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.endpoint', toFieldPath: 'status.database.endpoints' },
      ],
    };
    expect(patchProblems(broken, database)).toEqual([
      'composition resource aurora-cluster: fromFieldPath not in the XRD schema: spec.parameters.database.backupRetentionDay',
      'composition resource aurora-cluster: toFieldPath not in Cluster v1beta2: spec.forProvider.backupRetentionPeriods',
      'composition resource aurora-cluster: toFieldPath not in the XRD status schema: status.database.endpoints',
    ]);
  });
});
