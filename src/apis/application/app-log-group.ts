import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { toXr } from '../../composition/patches';
import { APP_LOG_GROUP, CONTAINER_INSIGHTS_LOG_GROUP } from './names';

/**
 * The service's log group (awslogs driver) and Container Insights' performance log group, created
 * before ECS would create it itself: encrypted with the logs key, kept 365 days, tagged.
 */
export function appLogGroupResources(): ResourcesResources[] {
  return [
    encryptedLogGroup('app-log-group', APP_LOG_GROUP, 'app-log', toXr('status.atProvider.arn', 'status.application.logGroupArn')),
    encryptedLogGroup('container-insights-log-group', CONTAINER_INSIGHTS_LOG_GROUP, 'container-insights-log'),
  ];
}
