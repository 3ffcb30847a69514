/**
 * `Resource: "*"` in the platform's IAM policies, each only where AWS accepts nothing narrower
 * (the policy test admits exactly these actions with "*", and each must be used).
 */
export const WILDCARD_RESOURCE_ACTIONS: Record<string, string> = {
  'ecr:GetAuthorizationToken': 'ECR issues registry tokens per account; the action has no resource-level permissions',
  'xray:PutTraceSegments': 'X-Ray has no resource-level permissions for sending segments',
  'xray:PutTelemetryRecords': 'X-Ray has no resource-level permissions for telemetry',
  'xray:GetSamplingRules': 'X-Ray sampling rules are read per account; no resource-level permissions',
  'xray:GetSamplingTargets': 'X-Ray sampling targets are read per account; no resource-level permissions',
  'ec2:DescribeNetworkAcls': 'FIS (AZ-failure experiment) lists network ACLs; EC2 describe calls have no resource-level permissions',
  'ec2:DescribeManagedPrefixLists': 'FIS reads the AWS-managed prefix lists it keeps reachable; describe calls have no resource-level permissions',
  'ec2:DescribeSubnets': "FIS resolves the experiment's subnets; EC2 describe calls have no resource-level permissions",
  'ec2:DescribeVpcs': "FIS resolves the subnets' VPC; EC2 describe calls have no resource-level permissions",
  'ec2:GetManagedPrefixListEntries': 'FIS reads AWS-managed prefix lists, which belong to AWS rather than to the account',
  'logs:CreateLogDelivery': 'FIS sets up vended log delivery to its log group; CloudWatch Logs offers no resource for it',
  'logs:PutResourcePolicy': 'FIS lets log delivery write its log group through a resource policy; the action has no resource-level permissions',
  'logs:DescribeResourcePolicies': "FIS reads the account's log resource policies; the action has no resource-level permissions",
  'logs:DescribeLogGroups': 'FIS checks its log group exists; DescribeLogGroups is a list action over the account',
};
