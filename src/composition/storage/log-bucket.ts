import { DEFAULT_REGION } from '../../config';
import {
  BucketLifecycleConfiguration,
  BucketOwnershipControlsV1Beta2,
  BucketPolicy,
  BucketPublicAccessBlock,
  BucketServerSideEncryptionConfigurationV1Beta2,
  BucketV1Beta2,
  BucketVersioningV1Beta2,
} from '../../../imports/s3-s3.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { policyPatchWith, PolicyDocument, tokenPatch } from '../aws-policy';
import { fromXr, fromXrRequired, mapTo, toXr, XR } from '../patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL, sibling } from '../resource';

/** Days a log bucket keeps its objects; at least 90 (FERPA audit evidence), as the log groups. */
export const LOG_BUCKET_RETENTION_DAYS = 365;

export interface LogBucketProps {
  /** Composed-resource name prefix, e.g. `alb-logs`; the bucket's parts are `<name>-bucket`, `<name>-policy`, ... */
  readonly name: string;
  /** The bucket name, with tokens (${SUFFIX}, ${ACCOUNT}, ${REGION}); globally unique. */
  readonly bucketName: string;
  readonly component: string;
  /**
   * The statements that admit the log writer; `${BUCKET_ARN}` stands for the bucket's ARN. The
   * policy always adds a statement that denies any request without TLS.
   */
  readonly writers: readonly Record<string, unknown>[];
  /** Extra tokens the writers' statements use: token -> XR field path. Default: none. */
  readonly tokens?: Record<string, string>;
  /** Tokens that stand for a whole JSON value (e.g. a principal object), unquoted (jsonTemplate). Default: none. */
  readonly rawTokens?: readonly string[];
  /**
   * Server-side encryption: `aws:kms` with a key ARN from `kmsKeyArnPath`, or AES256 (SSE-S3) where
   * the writer supports nothing else (ALB access logs).
   */
  readonly encryption: { readonly algorithm: 'AES256' } | { readonly algorithm: 'aws:kms'; readonly kmsKeyArnPath: string };
  /**
   * How long objects stay: expiry after the days at this XR field path, and a move to Glacier
   * Instant Retrieval after `glacierAfterDays` (the field's minimum must exceed it). Default: logs,
   * LOG_BUCKET_RETENTION_DAYS, no Glacier.
   */
  readonly retention?: { readonly daysPath: string; readonly glacierAfterDays: number };
  /**
   * An S3 Bucket Key for SSE-KMS (fewer KMS calls; the encryption context becomes the bucket's
   * ARN). Default: true. Off where the writer encrypts with a context of its own (CloudTrail).
   */
  readonly bucketKey?: boolean;
}

const partLabel = (name: string) => ({ [LABEL.component]: `${name}-bucket` });

/**
 * A bucket for logs written by an AWS service (or for data, with `retention`): encryption at rest, versioning, public access fully
 * blocked, ObjectOwnership BucketOwnerEnforced (no ACLs), a policy that denies any request without
 * TLS and admits only the writer, and a lifecycle that keeps objects LOG_BUCKET_RETENTION_DAYS.
 * Kept in AWS by a prod retirement (the logs outlive the environment, like the log groups); in dev
 * and staging a delete empties it first (forceDestroy).
 */
export function logBucketResources(p: LogBucketProps): ResourcesResources[] {
  const bucket = sibling(partLabel(p.name));
  const policy: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyWithoutTls',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['${BUCKET_ARN}', '${BUCKET_ARN}/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      ...p.writers,
    ],
  };
  const bucketArn = 'status.bucketArns.' + p.name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return [
    composed({
      name: `${p.name}-bucket`,
      retainedInProd: true,
      base: BucketV1Beta2.manifest({ metadata: { labels: partLabel(p.name) }, spec: { forProvider: { region: DEFAULT_REGION, objectLockEnabled: false, tags: baseTags(p.component) } } }),
      patches: [
        tokenPatch(p.bucketName, EXTERNAL_NAME),
        // A prod bucket is never emptied by a delete; dev and staging logs go with the environment.
        fromXr(XR.environment, 'spec.forProvider.forceDestroy', mapTo({ dev: true, staging: true, prod: false })),
        toXr('status.atProvider.arn', bucketArn),
        toXr(EXTERNAL_NAME, bucketArn.replace('status.bucketArns.', 'status.bucketNames.')),
      ],
    }),
    composed({
      name: `${p.name}-encryption`,
      taggable: false,
      retainedInProd: true,
      base: BucketServerSideEncryptionConfigurationV1Beta2.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            bucketSelector: bucket,
            rule: [{ bucketKeyEnabled: p.encryption.algorithm === 'aws:kms' && (p.bucketKey ?? true), applyServerSideEncryptionByDefault: { sseAlgorithm: p.encryption.algorithm } }],
          },
        },
      }),
      patches: p.encryption.algorithm === 'aws:kms' ? [fromXrRequired(p.encryption.kmsKeyArnPath, 'spec.forProvider.rule[0].applyServerSideEncryptionByDefault.kmsMasterKeyId')] : [],
    }),
    composed({
      name: `${p.name}-versioning`,
      taggable: false,
      retainedInProd: true,
      base: BucketVersioningV1Beta2.manifest({ spec: { forProvider: { region: DEFAULT_REGION, bucketSelector: bucket, versioningConfiguration: { status: 'Enabled' } } } }),
    }),
    composed({
      name: `${p.name}-public-access-block`,
      taggable: false,
      retainedInProd: true,
      base: BucketPublicAccessBlock.manifest({
        spec: { forProvider: { region: DEFAULT_REGION, bucketSelector: bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } },
      }),
    }),
    composed({
      name: `${p.name}-ownership`,
      taggable: false,
      retainedInProd: true,
      base: BucketOwnershipControlsV1Beta2.manifest({ spec: { forProvider: { region: DEFAULT_REGION, bucketSelector: bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } } } }),
    }),
    composed({
      name: `${p.name}-policy`,
      taggable: false,
      retainedInProd: true,
      base: BucketPolicy.manifest({ spec: { forProvider: { region: DEFAULT_REGION, bucketSelector: bucket } } }),
      patches: [policyPatchWith(policy, 'spec.forProvider.policy', { '${BUCKET_ARN}': bucketArn, ...(p.tokens ?? {}) }, p.rawTokens)],
    }),
    composed({
      name: `${p.name}-lifecycle`,
      taggable: false,
      retainedInProd: true,
      base: BucketLifecycleConfiguration.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            bucketSelector: bucket,
            rule: [
              {
                id: p.retention ? 'tier-and-expire' : 'expire-logs',
                status: 'Enabled',
                filter: [{ prefix: '' }],
                transition: [{ days: 30, storageClass: 'STANDARD_IA' }, ...(p.retention ? [{ days: p.retention.glacierAfterDays, storageClass: 'GLACIER_IR' }] : [])],
                expiration: [{ days: LOG_BUCKET_RETENTION_DAYS }],
                noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
                abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
              },
            ],
          },
        },
      }),
      // With a retention parameter, a replaced or deleted object version is kept as long as the objects.
      patches: p.retention
        ? [fromXr(p.retention.daysPath, 'spec.forProvider.rule[0].expiration[0].days'), fromXr(p.retention.daysPath, 'spec.forProvider.rule[0].noncurrentVersionExpiration[0].noncurrentDays')]
        : [],
    }),
  ];
}
