import {
  ResourcesPatchSets,
  ResourcesPatchSetsPatchesType,
  ResourcesResourcesPatches,
  ResourcesResourcesPatchesCombineStrategy,
  ResourcesResourcesPatchesPolicyFromFieldPath,
  ResourcesResourcesPatchesTransforms,
  ResourcesResourcesPatchesTransformsConvertToType,
  ResourcesResourcesPatchesTransformsMatchPatternsType,
  ResourcesResourcesPatchesTransformsStringType,
  ResourcesResourcesPatchesTransformsType,
  ResourcesResourcesPatchesType,
} from '../../imports/pt-pt.fn.crossplane.io';

/**
 * Typed helpers that build function-patch-and-transform patches. Every patch of every
 * composed resource goes through these, so the patch-path test can check them all.
 */
export type Patch = ResourcesResourcesPatches;
export type Transform = ResourcesResourcesPatchesTransforms;

/** Field paths of the XR that patches read, spelled once. */
export const XR = {
  environment: 'spec.parameters.environment',
  suffix: 'spec.parameters.environmentSuffix',
  region: 'spec.parameters.region',
  owner: 'spec.parameters.owner',
  dataClassification: 'spec.parameters.dataClassification',
  accountId: 'spec.parameters.awsAccountId',
  providerConfig: 'spec.parameters.providerConfigName',
  retire: 'spec.parameters.retire',
  students: 'spec.parameters.capacity.expectedConcurrentStudents',
  vpcCidr: 'spec.parameters.network.vpcCidr',
  azCount: 'spec.parameters.network.azCount',
  privateSubnetCidrs: 'spec.parameters.network.privateSubnetCidrs',
  publicSubnetCidrs: 'spec.parameters.network.publicSubnetCidrs',
  dataSubnetCidrs: 'spec.parameters.network.dataSubnetCidrs',
  db: 'spec.parameters.database',
  cache: 'spec.parameters.cache',
} as const;

/** FromCompositeFieldPath, optionally transformed. */
export function fromXr(from: string, to: string, ...transforms: Transform[]): Patch {
  return {
    type: ResourcesResourcesPatchesType.FROM_COMPOSITE_FIELD_PATH,
    fromFieldPath: from,
    toFieldPath: to,
    ...(transforms.length ? { transforms } : {}),
  };
}

/** FromCompositeFieldPath that must resolve: until it does, the resource is not composed. */
export function fromXrRequired(from: string, to: string, ...transforms: Transform[]): Patch {
  return { ...fromXr(from, to, ...transforms), policy: { fromFieldPath: ResourcesResourcesPatchesPolicyFromFieldPath.REQUIRED } };
}

/** ToCompositeFieldPath: copy an observed field of the composed resource into the XR. */
export function toXr(from: string, to: string, ...transforms: Transform[]): Patch {
  return {
    type: ResourcesResourcesPatchesType.TO_COMPOSITE_FIELD_PATH,
    fromFieldPath: from,
    toFieldPath: to,
    ...(transforms.length ? { transforms } : {}),
  };
}

/** CombineFromComposite with a Go fmt string, optionally transformed; every variable must resolve. */
export function combine(variables: string[], fmt: string, to: string, ...transforms: Transform[]): Patch {
  return {
    type: ResourcesResourcesPatchesType.COMBINE_FROM_COMPOSITE,
    combine: {
      strategy: ResourcesResourcesPatchesCombineStrategy.STRING,
      variables: variables.map((fromFieldPath) => ({ fromFieldPath })),
      string: { fmt },
    },
    toFieldPath: to,
    policy: { fromFieldPath: ResourcesResourcesPatchesPolicyFromFieldPath.REQUIRED },
    ...(transforms.length ? { transforms } : {}),
  };
}

/** CombineToComposite: observed fields of the composed resource, joined by a Go fmt string, into the XR. */
export function combineToXr(variables: string[], fmt: string, to: string): Patch {
  return {
    type: ResourcesResourcesPatchesType.COMBINE_TO_COMPOSITE,
    combine: {
      strategy: ResourcesResourcesPatchesCombineStrategy.STRING,
      variables: variables.map((fromFieldPath) => ({ fromFieldPath })),
      string: { fmt },
    },
    toFieldPath: to,
  };
}

/** string Regexp transform: the first match's capture group `group` (an error if nothing matches). */
export function regexpGroup(match: string, group: number): Transform {
  return { type: ResourcesResourcesPatchesTransformsType.STRING, string: { type: ResourcesResourcesPatchesTransformsStringType.REGEXP, regexp: { match, group } } };
}

/** A reference to a named patch set. */
export function usePatchSet(name: string): Patch {
  return { type: ResourcesResourcesPatchesType.PATCH_SET, patchSetName: name };
}

/** string Format transform. */
export function format(fmt: string): Transform {
  return { type: ResourcesResourcesPatchesTransformsType.STRING, string: { type: ResourcesResourcesPatchesTransformsStringType.FORMAT, fmt } };
}

/** map transform (string keys). */
export function mapTo(map: Record<string, unknown>): Transform {
  return { type: ResourcesResourcesPatchesTransformsType.MAP, map };
}

/** convert transform. */
export function convertTo(toType: 'string' | 'int64' | 'float64'): Transform {
  const t = {
    string: ResourcesResourcesPatchesTransformsConvertToType.STRING,
    int64: ResourcesResourcesPatchesTransformsConvertToType.INT64,
    float64: ResourcesResourcesPatchesTransformsConvertToType.FLOAT64,
  }[toType];
  return { type: ResourcesResourcesPatchesTransformsType.CONVERT, convert: { toType: t } };
}

/**
 * match transform over anchored regular expressions. The patterns must cover every input the
 * XRD admits (the capacity-table test proves it for the student bands), so no fallback is set.
 */
export function matchRegexp(patterns: { regexp: string; result: unknown }[]): Transform {
  return {
    type: ResourcesResourcesPatchesTransformsType.MATCH,
    match: {
      patterns: patterns.map((p) => ({ type: ResourcesResourcesPatchesTransformsMatchPatternsType.REGEXP, regexp: p.regexp, result: p.result })),
    },
  };
}

/** match transform over literal values, with the value for anything else. */
export function matchLiteral(literals: Record<string, unknown>, fallbackValue: unknown): Transform {
  return {
    type: ResourcesResourcesPatchesTransformsType.MATCH,
    match: {
      patterns: Object.entries(literals).map(([literal, result]) => ({ type: ResourcesResourcesPatchesTransformsMatchPatternsType.LITERAL, literal, result })),
      fallbackValue,
    },
  };
}

/** The shared patch sets of the composition. */
export const PATCH_SET = { providerConfig: 'provider-config', region: 'region', tags: 'tags' } as const;

export function patchSets(): ResourcesPatchSets[] {
  const t = ResourcesPatchSetsPatchesType.FROM_COMPOSITE_FIELD_PATH;
  return [
    { name: PATCH_SET.providerConfig, patches: [{ type: t, fromFieldPath: XR.providerConfig, toFieldPath: 'spec.providerConfigRef.name' }] },
    { name: PATCH_SET.region, patches: [{ type: t, fromFieldPath: XR.region, toFieldPath: 'spec.forProvider.region' }] },
    {
      name: PATCH_SET.tags,
      patches: [
        { type: t, fromFieldPath: XR.environment, toFieldPath: 'spec.forProvider.tags.Environment' },
        { type: t, fromFieldPath: XR.owner, toFieldPath: 'spec.forProvider.tags.Owner' },
        { type: t, fromFieldPath: XR.dataClassification, toFieldPath: 'spec.forProvider.tags.DataClassification' },
      ],
    },
  ];
}
