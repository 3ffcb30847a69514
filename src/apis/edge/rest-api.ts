import { DEFAULT_REGION } from '../../config';
import { IntegrationV1Beta2, Method, Resource, RestApiPolicy, RestApiv1Beta2, VpcLink } from '../../../imports/apigateway-apigateway.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { accountRoot, policyPatchWith, PolicyDocument, TOKEN } from '../../composition/aws-policy';
import { format, fromXr, fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';

const restApi = sibling({ [LABEL.component]: 'rest-api' });

/**
 * Who may call the API: principals of the platform's own account, with SigV4 (every method is
 * AWS_IAM). A campus system gets a role in this account, which it assumes from its own (README
 * "Calling the API"); no API key or other secret is in any manifest.
 */
export const REST_API_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'InvokeByThisAccountsPrincipals',
      Effect: 'Allow',
      Principal: { AWS: accountRoot },
      Action: 'execute-api:Invoke',
      Resource: `arn:aws:execute-api:${TOKEN.region}:${TOKEN.account}:\${REST_API_ID}/*`,
    },
    {
      Sid: 'DenyOtherAccounts',
      Effect: 'Deny',
      Principal: '*',
      Action: 'execute-api:Invoke',
      Resource: `arn:aws:execute-api:${TOKEN.region}:${TOKEN.account}:\${REST_API_ID}/*`,
      Condition: { StringNotEquals: { 'aws:PrincipalAccount': TOKEN.account } },
    },
  ],
};

/** The methods: ANY on the root and on every path below it, each proxied to the service. */
export const ROUTES = [
  { name: 'root', path: '/', proxy: false },
  { name: 'proxy', path: '/{proxy+}', proxy: true },
] as const;


/**
 * The REST API (regional), its resource policy, and the two routes proxied through the VPC link to
 * the NLB: HTTP_PROXY over TLS to https://<hostname>, which API Gateway verifies against the ALB's
 * certificate (no insecure skip), 29 s timeout.
 */
export function restApiResources(): ResourcesResources[] {
  return [
    composed({
      name: 'vpc-link',
      awsName: 'api',
      nameFields: ['spec.forProvider.name'],
      base: VpcLink.manifest({
        metadata: { labels: { [LABEL.component]: 'vpc-link' } },
        spec: { forProvider: { region: DEFAULT_REGION, description: 'API Gateway to the internal NLB', targetArnSelector: sibling({ [LABEL.component]: 'nlb' }), tags: baseTags('edge') } },
      }),
    }),
    composed({
      name: 'rest-api',
      awsName: 'api',
      nameFields: ['spec.forProvider.name'],
      base: RestApiv1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'rest-api' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            description: 'Assessment platform API (IAM-authorized, behind WAF)',
            endpointConfiguration: { types: ['REGIONAL'] },
            // Clients reach the API only through the custom domain (stage.ts), whose security
            // policy refuses TLS below 1.2; the default execute-api endpoint would still offer 1.0.
            disableExecuteApiEndpoint: true,
            apiKeySource: 'HEADER',
            tags: baseTags('edge'),
          },
        },
      }),
      patches: [toXr('status.atProvider.id', 'status.api.restApiId'), toXr('status.atProvider.rootResourceId', 'status.api.rootResourceId')],
    }),
    composed({
      name: 'rest-api-policy',
      taggable: false,
      base: RestApiPolicy.manifest({ spec: { forProvider: { region: DEFAULT_REGION, restApiIdSelector: restApi } } }),
      patches: [
        policyPatchWith(REST_API_POLICY, 'spec.forProvider.policy', { '${REST_API_ID}': 'status.api.restApiId' }),
        toXr('status.atProvider.id', 'status.api.policyId'),
      ],
    }),
    composed({
      name: 'api-resource-proxy',
      taggable: false,
      base: Resource.manifest({
        metadata: { labels: { [LABEL.component]: 'api-resource-proxy' } },
        spec: { forProvider: { region: DEFAULT_REGION, restApiIdSelector: restApi, parentIdSelector: restApi, pathPart: '{proxy+}' } },
      }),
    }),
    ...ROUTES.flatMap((route) => routeResources(route)),
  ];
}

function routeResources(route: (typeof ROUTES)[number]): ResourcesResources[] {
  const resourceId = route.proxy
    ? { fields: { resourceIdSelector: sibling({ [LABEL.component]: 'api-resource-proxy' }) }, patches: [] }
    : { fields: {}, patches: [fromXrRequired('status.api.rootResourceId', 'spec.forProvider.resourceId')] };
  const method = `api-method-${route.name}`;
  return [
    composed({
      name: method,
      taggable: false,
      base: Method.manifest({
        metadata: { labels: { [LABEL.component]: method } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            restApiIdSelector: restApi,
            ...resourceId.fields,
            httpMethod: 'ANY',
            authorization: 'AWS_IAM',
            apiKeyRequired: false,
            ...(route.proxy ? { requestParameters: { 'method.request.path.proxy': true } } : {}),
          },
        },
      }),
      patches: resourceId.patches,
    }),
    composed({
      name: `api-integration-${route.name}`,
      taggable: false,
      base: IntegrationV1Beta2.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            restApiIdSelector: restApi,
            ...resourceId.fields,
            httpMethodSelector: sibling({ [LABEL.component]: method }),
            type: 'HTTP_PROXY',
            integrationHttpMethod: 'ANY',
            connectionType: 'VPC_LINK',
            connectionIdSelector: sibling({ [LABEL.component]: 'vpc-link' }),
            passthroughBehavior: 'WHEN_NO_MATCH',
            timeoutMilliseconds: 29000,
            tlsConfig: { insecureSkipVerification: false },
            ...(route.proxy ? { requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' } } : {}),
          },
        },
      }),
      patches: [
        ...resourceId.patches,
        fromXr('spec.parameters.application.hostname', 'spec.forProvider.uri', format(route.proxy ? 'https://%s/{proxy}' : 'https://%s/')),
        toXr('status.atProvider.id', `status.api.${route.name}IntegrationId`),
      ],
    }),
  ];
}

