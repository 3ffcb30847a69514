import { createHash } from 'crypto';
import { DEFAULT_REGION } from '../../config';
import { BasePathMapping, Deployment, DomainNameV1Beta2, MethodSettingsV1Beta2, StageV1Beta2 } from '../../../imports/apigateway-apigateway.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { combine, format, fromXr, fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';
import { API_ACCESS_LOG_GROUP, STAGE_NAME } from './names';
import { restApiResources } from './rest-api';

/**
 * A stage serves a deployment, a snapshot of the API taken when it was created, and AWS (and the
 * provider, which refuses updates that need a replacement) never changes a deployment in place. So
 * the deployment's composed-resource name carries a hash of everything it captures (routes,
 * methods, integrations, resource policy, as this version of the Composition builds them): a
 * platform release that changes the API composes a new deployment, the stage moves to it
 * (status.api.deploymentId), and the old one is deleted once no stage uses it (AWS refuses
 * before). A claim cannot change what a deployment captures (application.hostname is immutable).
 */
export const API_SHAPE_HASH = createHash('sha256').update(JSON.stringify(restApiResources())).digest('hex').slice(0, 10);
export const DEPLOYMENT_NAME = `api-deployment-${API_SHAPE_HASH}`;

const restApi = sibling({ [LABEL.component]: 'rest-api' });

/** The custom domain's TLS policy: TLS 1.2 and above. */
export const API_TLS_POLICY = 'TLS_1_2';

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
      name: DEPLOYMENT_NAME,
      taggable: false,
      base: Deployment.manifest({
        metadata: { labels: { [LABEL.component]: 'api-deployment' } },
        spec: { forProvider: { region: DEFAULT_REGION, restApiIdSelector: restApi } },
      }),
      patches: [
        // None before the resource policy and both integrations exist: the snapshot must hold them.
        combine(
          ['status.api.policyId', 'status.api.rootIntegrationId', 'status.api.proxyIntegrationId'],
          `Assessment platform API ${API_SHAPE_HASH}: policy %s, integrations %s and %s`,
          'spec.forProvider.description',
        ),
        toXr('status.atProvider.id', 'status.api.deploymentId'),
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
        fromXrRequired('status.api.deploymentId', 'spec.forProvider.deploymentId'),
        toXr('status.atProvider.arn', 'status.api.stageArn'),
      ],
    }),
    composed({
      name: 'api-domain-name',
      base: DomainNameV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'api-domain-name' } },
        spec: { forProvider: { region: DEFAULT_REGION, endpointConfiguration: { types: ['REGIONAL'] }, securityPolicy: API_TLS_POLICY, tags: baseTags('edge') } },
      }),
      patches: [
        fromXr('spec.parameters.application.hostname', 'spec.forProvider.domainName'),
        fromXr('spec.parameters.application.certificateArn', 'spec.forProvider.regionalCertificateArn'),
        toXr('status.atProvider.domainName', 'status.api.url', format('https://%s/')),
        toXr('status.atProvider.regionalDomainName', 'status.api.regionalDomainName'),
        toXr('status.atProvider.regionalZoneId', 'status.api.regionalZoneId'),
      ],
    }),
    composed({
      name: 'api-base-path-mapping',
      taggable: false,
      base: BasePathMapping.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            apiIdSelector: restApi,
            domainNameSelector: sibling({ [LABEL.component]: 'api-domain-name' }),
            stageNameSelector: sibling({ [LABEL.component]: 'api-stage' }),
          },
        },
      }),
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
