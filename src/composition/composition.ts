import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Composition, CompositionProps, CompositionSpecMode } from '../../imports/apiextensions-apiextensions.crossplane.io';
import { ResourcesResources } from '../../imports/pt-pt.fn.crossplane.io';
import { API_GROUP, API_VERSION, COMPOSITION_NAME, CROSSPLANE_NAMESPACE, XR_KIND } from '../config';
import { pipeline } from './pipeline';
import { tierResources } from './tiers';

/** Every composed resource of the platform: one composite resource per tier and the Usages between them (tiers.ts). */
export function composedResources(): ResourcesResources[] {
  return tierResources();
}

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
      // No conditional resources at this level: each tier filters its own (filters.ts).
      pipeline: pipeline(resources),
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
