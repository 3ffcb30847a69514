import { DEFAULT_REGION } from '../../config';
import { Deployment, MethodSettingsV1Beta2, StageV1Beta2 } from '../../../imports/apigateway-apigateway.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { combine, fromXr, fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';
import { API_ACCESS_LOG_GROUP, STAGE_NAME } from './names';
import { API_SHAPE_HASH } from './rest-api';

const restApi = sibling({ [LABEL.component]: 'rest-api' });

/** One JSON line per request: who, what, the outcome, the WAF's verdict and the trace. No body, no header values. */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  caller: '$context.identity.caller',
  userArn: '$context.identity.userArn',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integration.status',
  integrationLatency: '$context.integration.latency',
  wafResponseCode: '$context.wafResponseCode',
  xrayTraceId: '$context.xrayTraceId',
});

/**
 * The deployment and its stage: X-Ray tracing, JSON access logs into an encrypted group, and the
 * claim's throttling on every method. Execution logging stays off: API Gateway would write it to a
 * group of its own, without the logs key or a retention, and data tracing would log request
 * bodies (student answers).
 */
export function stageResources(): ResourcesResources[] {
  return [
    encryptedLogGroup('api-access-log-group', API_ACCESS_LOG_GROUP, 'api-access-log', toXr('status.atProvider.arn', 'status.api.accessLogGroupArn')),
    composed({
      name: 'api-deployment',
      taggable: false,
      base: Deployment.manifest({
        metadata: { labels: { [LABEL.component]: 'api-deployment' } },
        spec: { forProvider: { region: DEFAULT_REGION, restApiIdSelector: restApi, description: 'Managed by the assessment platform' } },
      }),
      patches: [
        // A new deployment when the API's shape or its integrations change; and none before the
        // policy and both integrations exist (a deployment is a snapshot of the API).
        combine(
          ['status.api.policyId', 'status.api.rootIntegrationId', 'status.api.proxyIntegrationId', 'spec.parameters.application.hostname'],
          `${API_SHAPE_HASH}/%s/%s/%s/%s`,
          'spec.forProvider.triggers.redeployment',
        ),
      ],
    }),
    composed({
      name: 'api-stage',
      base: StageV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'api-stage' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            restApiIdSelector: restApi,
            deploymentIdSelector: sibling({ [LABEL.component]: 'api-deployment' }),
            stageName: STAGE_NAME,
            xrayTracingEnabled: true,
            cacheClusterEnabled: false,
            accessLogSettings: { format: ACCESS_LOG_FORMAT },
            tags: baseTags('edge'),
          },
        },
      }),
      patches: [
        fromXrRequired('status.api.accessLogGroupArn', 'spec.forProvider.accessLogSettings.destinationArn'),
        toXr('status.atProvider.arn', 'status.api.stageArn'),
        toXr('status.atProvider.invokeUrl', 'status.api.invokeUrl'),
      ],
    }),
    composed({
      name: 'api-method-settings',
      taggable: false,
      base: MethodSettingsV1Beta2.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            restApiIdSelector: restApi,
            stageNameSelector: sibling({ [LABEL.component]: 'api-stage' }),
            methodPath: '*/*',
            settings: { metricsEnabled: true, loggingLevel: 'OFF', dataTraceEnabled: false, cachingEnabled: false },
          },
        },
      }),
      patches: [
        fromXr('spec.parameters.api.throttlingRateLimit', 'spec.forProvider.settings.throttlingRateLimit'),
        fromXr('spec.parameters.api.throttlingBurstLimit', 'spec.forProvider.settings.throttlingBurstLimit'),
      ],
    }),
  ];
}
