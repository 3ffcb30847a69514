import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Composition,
  CompositionSpecMode,
  CompositeResourceDefinition,
  CompositeResourceDefinitionSpecScope,
} from '../../imports/apiextensions-apiextensions.crossplane.io';
import { ResourcesResources } from '../../imports/pt-pt.fn.crossplane.io';
import { parametersSchema } from '../api/parameters';
import { JsonSchema } from '../api/schema';
import { pipeline } from '../composition/pipeline';
import { API_GROUP, API_VERSION, CROSSPLANE_NAMESPACE } from '../config';
import { keepAnnotation } from '../gitops/sync-options';

/**
 * The internal APIs, one per tier of the platform: cluster-scoped composite resources with no
 * claim, each with its own XRD and Composition, composed by the platform's Composition (README
 * "APIs"). Their XRDs are apiextensions.crossplane.io/v1 like the platform's, for one reason that
 * decides it: a v1 (legacy) composite resource has a connection secret, which the platform's
 * claim secret is assembled from, and v2 XRDs dropped connection secrets; one version for all
 * internal kinds keeps the patches and the tests the same everywhere (docs/architecture.md).
 */
export interface TierApi {
  /** Kind of the tier's composite resource, `X<Tier>` (e.g. XKeys): the tier is read from the kind. */
  readonly kind: string;
  /** Its plural, the XRD's name prefix. */
  readonly plural: string;
  /** One line: what the tier is. */
  readonly description: string;
  /** spec.parameters: typed, described, bounded. */
  readonly parameters: JsonSchema;
  /** status: what the other tiers and the platform need from this one. */
  readonly status: JsonSchema;
  /** The composed resources. */
  readonly resources: () => ResourcesResources[];
  /** Connection secret keys the tier publishes. Default: none. */
  readonly connectionSecretKeys?: readonly string[];
}

/** The platform parameters a tier repeats (identity, tags, provider config, deletion), with the platform's descriptions and rules. */
export function sharedParameters(names: readonly string[]): Record<string, JsonSchema> {
  const all = parametersSchema.properties!;
  return Object.fromEntries(names.map((n) => {
    if (!all[n]) throw new Error(`no platform parameter ${n}`);
    return [n, all[n]];
  }));
}

/** The identity, tag, provider, log-retention and deletion parameters every AWS tier takes from the platform. */
export const IDENTITY_PARAMETERS = ['environment', 'environmentSuffix', 'region', 'owner', 'dataClassification', 'awsAccountId', 'providerConfigName', 'logRetentionDays', 'retire'] as const;

export const xrdName = (api: TierApi) => `${api.plural}.${API_GROUP}`;
export const compositionName = (api: TierApi) => `${api.plural}.aws.${API_GROUP}`;

/** The tier's XRD (apiextensions.crossplane.io/v1, cluster-scoped, no claim). */
export function tierDefinition(scope: Construct, api: TierApi): CompositeResourceDefinition {
  return new CompositeResourceDefinition(scope, 'xrd', {
    metadata: { name: xrdName(api), annotations: keepAnnotation() },
    spec: {
      scope: CompositeResourceDefinitionSpecScope.LEGACY_CLUSTER,
      group: API_GROUP,
      names: { kind: api.kind, plural: api.plural },
      ...(api.connectionSecretKeys?.length ? { connectionSecretKeys: [...api.connectionSecretKeys] } : {}),
      versions: [
        {
          name: API_VERSION,
          served: true,
          referenceable: true,
          schema: {
            openApiv3Schema: {
              type: 'object',
              description: `${api.kind}: ${api.description} An internal API of the assessment platform, composed by XAssessmentPlatform; not for direct use.`,
              properties: {
                spec: { type: 'object', description: 'Desired tier.', properties: { parameters: api.parameters }, required: ['parameters'] },
                status: api.status,
              },
            },
          },
        },
      ],
    },
  });
}

/** The tier's Composition: patch-and-transform, the CEL filter when it has conditional resources, auto-ready. */
export function tierComposition(scope: Construct, api: TierApi): Composition {
  return new Composition(scope, 'composition', {
    metadata: { name: compositionName(api), labels: { [`${API_GROUP}/provider`]: 'aws' } },
    spec: {
      compositeTypeRef: { apiVersion: `${API_GROUP}/${API_VERSION}`, kind: api.kind },
      mode: CompositionSpecMode.PIPELINE,
      // A tier with connection details (the cache's Redis URL) writes them where Crossplane writes every XR's.
      ...(api.connectionSecretKeys?.length ? { writeConnectionSecretsToNamespace: CROSSPLANE_NAMESPACE } : {}),
      pipeline: pipeline(api.resources()),
    },
  });
}

/** Two charts per tier API: `<tier>-definition` and `<tier>-composition`, one dist/ file each. */
export function addTierCharts(app: Construct, id: string, api: TierApi): void {
  const definition = new Chart(app, `${id}-definition`, { disableResourceNameHashes: true });
  tierDefinition(definition, api);
  const composition = new Chart(app, `${id}-composition`, { disableResourceNameHashes: true });
  tierComposition(composition, api);
}
