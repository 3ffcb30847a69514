import { TOKEN } from '../../composition/aws-policy';

/** The stage every environment deploys; the invoke URL ends in it. */
export const STAGE_NAME = 'v1';
export const API_ACCESS_LOG_GROUP = `/aws/apigateway/ap-api-${TOKEN.suffix}/access`;
/** WAF delivers to CloudWatch Logs only into groups whose name starts with aws-waf-logs-. */
export const WAF_LOG_GROUP = `aws-waf-logs-ap-${TOKEN.suffix}`;
/** Where the edge tier reads the ALB's ARN (from the application tier, through the platform). */
export const ALB_ARN = 'spec.parameters.alb.arn';
export const PRIVATE_SUBNET_IDS = 'spec.parameters.vpc.privateSubnetIds';
