import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Function as CrossplaneFunction, Provider } from '../../imports/pkg-pkg.crossplane.io';
import { FUNCTIONS, PROVIDER_VERSION, PROVIDERS } from '../config';

/**
 * Chart `crossplane-packages`: the pinned Functions the Composition's pipeline calls and the
 * provider-upjet-aws family providers whose CRDs the composed resources use.
 */
export class CrossplanePackagesChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true });
    for (const fn of Object.values(FUNCTIONS)) {
      new CrossplaneFunction(this, fn.name, { metadata: { name: fn.name }, spec: { package: fn.package } });
    }
    for (const provider of PROVIDERS) {
      new Provider(this, provider, {
        metadata: { name: `crossplane-contrib-${provider}` },
        spec: { package: `xpkg.crossplane.io/crossplane-contrib/${provider}:${PROVIDER_VERSION}` },
      });
    }
  }
}
