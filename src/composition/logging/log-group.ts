import { DEFAULT_REGION } from '../../config';
import { Group } from '../../../imports/cloudwatchlogs-cloudwatchlogs.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { LOG_RETENTION_DAYS } from '../../config';
import { tokenPatch } from '../aws-policy';
import { fromXr, Patch } from '../patches';
import { keyArnPatch } from '../keys-tier';
import { baseTags, composed, EXTERNAL_NAME, LABEL } from '../resource';

/**
 * A CloudWatch log group encrypted with the logs KMS key, kept the claim's logRetentionDays (90 or
 * more, an enum of CloudWatch's periods; LOG_RETENTION_DAYS by default).
 * `nameTemplate` (the log group's path) may use the ${SUFFIX}/${REGION}/${ACCOUNT} tokens.
 * Kept (orphaned) by a prod retirement. `patches` follow (e.g. its ARN written back to the XR status).
 */
export function encryptedLogGroup(name: string, nameTemplate: string, component: string, ...patches: Patch[]): ResourcesResources {
  return composed({
    name,
    retainedInProd: true,
    base: Group.manifest({
      metadata: { labels: { [LABEL.component]: component } },
      spec: {
        forProvider: {
          region: DEFAULT_REGION,
          retentionInDays: LOG_RETENTION_DAYS,
          tags: baseTags(component),
        },
      },
    }),
    patches: [tokenPatch(nameTemplate, EXTERNAL_NAME), keyArnPatch('logsKeyArn', 'spec.forProvider.kmsKeyId'), fromXr('spec.parameters.logRetentionDays', 'spec.forProvider.retentionInDays'), ...patches],
  });
}
