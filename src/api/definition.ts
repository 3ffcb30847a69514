import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  CompositeResourceDefinition,
  CompositeResourceDefinitionProps,
  CompositeResourceDefinitionSpecDefaultCompositeDeletePolicy,
  CompositeResourceDefinitionSpecScope,
} from '../../imports/apiextensions-apiextensions.crossplane.io';
import { API_GROUP, API_VERSION, CLAIM_KIND, CLAIM_PLURAL, XR_KIND, XR_PLURAL, XRD_NAME } from '../config';
import { parametersSchema } from './parameters';
import { JsonSchema } from './schema';
import { CONNECTION_SECRET_KEYS, statusSchema } from './status';
import { keepAnnotation } from '../gitops/sync-options';

/** The full openAPIV3Schema of v1alpha1 (spec.parameters and status). */
export function xrdSchema(): JsonSchema {
  return {
    type: 'object',
    description: `${CLAIM_KIND}: one FERPA-compliant online-assessment platform on AWS.`,
    properties: {
      spec: {
        type: 'object',
        description: 'Desired platform.',
        properties: { parameters: parametersSchema },
        required: ['parameters'],
      },
      status: statusSchema,
    },
  };
}

/** The XRD, typed by the imported Crossplane class (apiextensions.crossplane.io/v1). */
export function xrdProps(): CompositeResourceDefinitionProps {
  return {
    // Deleting the XRD would delete every claim with it: Argo CD never prunes or cascades it.
    metadata: { name: XRD_NAME, annotations: keepAnnotation() },
    spec: {
      // v1 XRD with LegacyCluster scope: the only kind that may still offer a namespaced claim.
      scope: CompositeResourceDefinitionSpecScope.LEGACY_CLUSTER,
      group: API_GROUP,
      names: { kind: XR_KIND, plural: XR_PLURAL },
      claimNames: { kind: CLAIM_KIND, plural: CLAIM_PLURAL },
      connectionSecretKeys: [...CONNECTION_SECRET_KEYS],
      // Foreground: the claim disappears only after every composed resource is gone (or orphaned).
      defaultCompositeDeletePolicy: CompositeResourceDefinitionSpecDefaultCompositeDeletePolicy.FOREGROUND,
      versions: [
        {
          name: API_VERSION,
          served: true,
          referenceable: true,
          schema: { openApiv3Schema: xrdSchema() },
          additionalPrinterColumns: [
            { name: 'ENVIRONMENT', type: 'string', jsonPath: '.spec.parameters.environment' },
            { name: 'SUFFIX', type: 'string', jsonPath: '.spec.parameters.environmentSuffix' },
            { name: 'REGION', type: 'string', jsonPath: '.spec.parameters.region' },
            { name: 'STUDENTS', type: 'integer', jsonPath: '.spec.parameters.capacity.expectedConcurrentStudents' },
            { name: 'TIER', type: 'string', jsonPath: '.status.sizing.tier' },
            { name: 'API', type: 'string', jsonPath: '.status.api.url' },
            { name: 'DB-ENDPOINT', type: 'string', jsonPath: '.status.database.endpoint', priority: 1 },
          ],
        },
      ],
    },
  };
}

/** Chart `definition`: the XRD alone. */
export class DefinitionChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true });
    new CompositeResourceDefinition(this, 'xrd', xrdProps());
  }
}
