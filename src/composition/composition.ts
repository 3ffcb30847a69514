import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Composition, CompositionProps, CompositionSpecMode } from '../../imports/apiextensions-apiextensions.crossplane.io';
import { Input as AutoReadyInput } from '../../imports/autoready-autoready.fn.crossplane.io';
import { Resources, ResourcesResources } from '../../imports/pt-pt.fn.crossplane.io';
import { API_GROUP, API_VERSION, COMPOSITION_NAME, CROSSPLANE_NAMESPACE, FUNCTIONS, XR_KIND } from '../config';
import { patchSets } from './patches';
import { tierResources } from './tiers';
import { deletionPolicyPatchSets } from './protection';

/** Every composed resource of the platform: one composite resource per tier and the Usages between them (tiers.ts). */
export function composedResources(): ResourcesResources[] {
  return tierResources();
}

/** Pipeline step names. */
export const STEP = { patchAndTransform: 'patch-and-transform', filter: 'filter-conditional-resources', autoReady: 'automatically-detect-ready' } as const;

/** The Composition: patch-and-transform, then auto-ready (conditional resources live in the tiers). */
export function compositionProps(): CompositionProps {
  const resources = composedResources();
  return {
    metadata: { name: COMPOSITION_NAME, labels: { [`${API_GROUP}/provider`]: 'aws' } },
    spec: {
      compositeTypeRef: { apiVersion: `${API_GROUP}/${API_VERSION}`, kind: XR_KIND },
      mode: CompositionSpecMode.PIPELINE,
      // A legacy XR gets spec.writeConnectionSecretToRef only when its Composition names this
      // namespace; without it no claim ever receives its connection secret.
      writeConnectionSecretsToNamespace: CROSSPLANE_NAMESPACE,
      pipeline: [
        {
          step: STEP.patchAndTransform,
          functionRef: { name: FUNCTIONS.patchAndTransform.name },
          input: Resources.manifest({ patchSets: [...patchSets(), ...deletionPolicyPatchSets()], resources }),
        },
        // No conditional resources at this level: each tier filters its own (filters.ts).
        {
          step: STEP.autoReady,
          functionRef: { name: FUNCTIONS.autoReady.name },
          input: AutoReadyInput.manifest({}),
        },
      ],
    },
  };
}

/** Chart `composition`: the AWS Composition. */
export class CompositionChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true });
    new Composition(this, 'composition', compositionProps());
  }
}
