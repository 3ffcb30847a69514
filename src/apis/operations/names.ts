import { TOKEN } from '../../composition/aws-policy';

/** The topic every alarm of the platform notifies (encrypted with the logs key). */
export const ALARM_TOPIC = `ap-alarms-${TOKEN.suffix}`;
export const ALARM_TOPIC_ARN = `arn:aws:sns:${TOKEN.region}:${TOKEN.account}:${ALARM_TOPIC}`;
/** Every alarm's name starts `ap-` and ends with the suffix; policies name them by this pattern. */
export const ALARM_ARNS = `arn:aws:cloudwatch:${TOKEN.region}:${TOKEN.account}:alarm:ap-*-${TOKEN.suffix}`;
/** The name the service's X-Ray SDK records its segments under (the task's AWS_XRAY_TRACING_NAME). */
export const XRAY_SERVICE_NAME = `ap-assessment-${TOKEN.suffix}`;
/** Where the alarms find the ALB: its ARN, from the application tier through the platform. */
export const ALB_ARN_PARAMETER = 'spec.parameters.alb.arn';
/** How many alarm e-mail subscriptions a claim may have (each is its own composed resource). */
export const MAX_ALARM_EMAILS = 3;
