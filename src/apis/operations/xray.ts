import { DEFAULT_REGION } from '../../config';
import { GroupV1Beta2, SamplingRule } from '../../../imports/xray-xray.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { TOKEN, tokenPatch } from '../../composition/aws-policy';
import { toXr } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME } from '../../composition/resource';
import { XRAY_SERVICE_NAME } from './names';

/** Share of requests beyond the reservoir that X-Ray traces: enough to see an exam's paths, cheap at 10,000 requests per second. */
export const XRAY_FIXED_RATE = 0.01;

/**
 * X-Ray for the platform: a group of the service's traces (for its own service map and insights)
 * and a sampling rule for the service: one trace a second, then 1 % of requests.
 */
export function xrayResources(): ResourcesResources[] {
  return [
    composed({
      name: 'xray-group',
      base: GroupV1Beta2.manifest({ spec: { forProvider: { region: DEFAULT_REGION, insightsConfiguration: { insightsEnabled: true, notificationsEnabled: false }, tags: baseTags('operations') } } }),
      patches: [
        tokenPatch(`ap-assessment-${TOKEN.suffix}`, 'spec.forProvider.groupName'),
        tokenPatch(`service("${XRAY_SERVICE_NAME}")`, 'spec.forProvider.filterExpression'),
        toXr('status.atProvider.arn', 'status.operations.xrayGroupArn'),
      ],
    }),
    composed({
      name: 'xray-sampling-rule',
      base: SamplingRule.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            priority: 100,
            fixedRate: XRAY_FIXED_RATE,
            reservoirSize: 1,
            host: '*',
            httpMethod: '*',
            urlPath: '*',
            resourceArn: '*',
            serviceType: '*',
            version: 1,
            tags: baseTags('operations'),
          },
        },
      }),
      patches: [tokenPatch(`ap-${TOKEN.suffix}`, EXTERNAL_NAME), tokenPatch(XRAY_SERVICE_NAME, 'spec.forProvider.serviceName')],
    }),
  ];
}
