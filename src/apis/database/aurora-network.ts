import { DEFAULT_REGION } from '../../config';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { ClusterParameterGroup, SubnetGroup } from '../../../imports/rds-rds.aws.upbound.io';
import { dataSubnetGroupFields, dataSubnetIdsPatch } from '../network/subnets';
import { baseTags, composed, EXTERNAL_NAME, LABEL } from '../../composition/resource';

/** Aurora PostgreSQL 16 parameter-group family; must match the engineVersion enum's major. */
export const AURORA_FAMILY = 'aurora-postgresql16';

/**
 * Cluster parameters. TLS is mandatory (rds.force_ssl) at TLS 1.2 or higher. The audit trail
 * exported to CloudWatch (a CMK-encrypted group, aurora-cluster.ts) comes from pgaudit: role and
 * DDL statements, and object access for what the `rds_pgaudit` role is granted, never with their
 * parameter values (pgaudit.log_parameter off). No raw statement logging: log_min_duration_statement
 * and log_statement would write SQL with literal values (student data) into the logs. Connections
 * and disconnections are logged (who connected, when, from which task address in the VPC).
 * pgaudit needs `CREATE EXTENSION pgaudit` and the `rds_pgaudit` role in the database; the
 * application's schema migration creates them (README). shared_preload_libraries takes effect at
 * the next reboot (a static parameter); it keeps pg_stat_statements, Aurora's default.
 */
export const AURORA_PARAMETERS = [
  { name: 'rds.force_ssl', value: '1', applyMethod: 'immediate' },
  { name: 'ssl_min_protocol_version', value: 'TLSv1.2', applyMethod: 'immediate' },
  { name: 'log_connections', value: '1', applyMethod: 'immediate' },
  { name: 'log_disconnections', value: '1', applyMethod: 'immediate' },
  { name: 'log_statement', value: 'none', applyMethod: 'immediate' },
  { name: 'log_min_duration_statement', value: '-1', applyMethod: 'immediate' },
  { name: 'shared_preload_libraries', value: 'pg_stat_statements,pgaudit', applyMethod: 'pending-reboot' },
  { name: 'pgaudit.log', value: 'ddl,role', applyMethod: 'immediate' },
  { name: 'pgaudit.role', value: 'rds_pgaudit', applyMethod: 'immediate' },
  { name: 'pgaudit.log_parameter', value: '0', applyMethod: 'immediate' },
  { name: 'pgaudit.log_catalog', value: '0', applyMethod: 'immediate' },
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
        spec: { forProvider: dataSubnetGroupFields('Aurora PostgreSQL: isolated data subnets only', 'database') },
      }),
      patches: [dataSubnetIdsPatch()],
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
