import { DEFAULT_REGION } from '../../config';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { ClusterParameterGroup, SubnetGroup } from '../../../imports/rds-rds.aws.upbound.io';
import { privateSubnetGroupFields } from '../network/subnets';
import { baseTags, composed, EXTERNAL_NAME, LABEL } from '../resource';

/** Aurora PostgreSQL 16 parameter-group family; must match the engineVersion enum's major. */
export const AURORA_FAMILY = 'aurora-postgresql16';

/**
 * Cluster parameters: TLS is mandatory (rds.force_ssl) at TLS 1.2 or higher, and connections and
 * slow statements are logged for the audit trail exported to CloudWatch.
 */
export const AURORA_PARAMETERS = [
  { name: 'rds.force_ssl', value: '1', applyMethod: 'immediate' },
  { name: 'ssl_min_protocol_version', value: 'TLSv1.2', applyMethod: 'immediate' },
  { name: 'log_connections', value: '1', applyMethod: 'immediate' },
  { name: 'log_disconnections', value: '1', applyMethod: 'immediate' },
  { name: 'log_min_duration_statement', value: '1000', applyMethod: 'immediate' },
] as const;

/** The DB subnet group over the private subnets and the cluster parameter group. */
export function auroraNetworkResources(): ResourcesResources[] {
  return [
    composed({
      name: 'aurora-subnet-group',
      awsName: 'aurora',
      nameFields: [EXTERNAL_NAME],
      base: SubnetGroup.manifest({
        metadata: { labels: { [LABEL.component]: 'aurora-subnet-group' } },
        spec: { forProvider: privateSubnetGroupFields('Aurora PostgreSQL: private subnets only', 'database') },
      }),
    }),
    composed({
      name: 'aurora-cluster-parameter-group',
      awsName: 'aurora',
      nameFields: [EXTERNAL_NAME],
      base: ClusterParameterGroup.manifest({
        metadata: { labels: { [LABEL.component]: 'aurora-cluster-parameter-group' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            family: AURORA_FAMILY,
            description: 'Assessment platform: TLS 1.2+ only, connection and slow-query logging',
            parameter: AURORA_PARAMETERS.map((p) => ({ ...p })),
            tags: baseTags('database'),
          },
        },
      }),
    }),
  ];
}
