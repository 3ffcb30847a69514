import { DEFAULT_REGION } from '../../config';
import { Dashboard } from '../../../imports/cloudwatch-cloudwatch.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { TOKEN, tokenPatch } from '../../composition/aws-policy';
import { combineToXr } from '../../composition/patches';
import { composed, EXTERNAL_NAME } from '../../composition/resource';
import { ECS_CLUSTER_NAME } from '../application/names';
import { STAGE_NAME } from '../edge/names';
import { DELIVERY_STREAM, EVENTS_STREAM } from '../events/names';
import { HEALTH_METRIC, HEALTH_METRIC_NAMESPACE } from './names';

/** A CloudWatch metric as the dashboard body takes it: namespace, metric name, then dimension name/value pairs. */
export type DashboardMetric = readonly string[];

/** One graph of the dashboard (CloudWatch's "metric" widget). */
export interface MetricWidget {
  readonly type: 'metric';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: {
    readonly title: string;
    readonly region: string;
    readonly metrics: readonly DashboardMetric[];
    readonly stat: string;
    readonly period: number;
    readonly view: 'timeSeries';
  };
}

/** The dashboard body CloudWatch takes. */
export interface DashboardBody {
  readonly widgets: readonly MetricWidget[];
}

const API = ['ApiName', `ap-api-${TOKEN.suffix}`, 'Stage', STAGE_NAME];
const ECS = ['ClusterName', ECS_CLUSTER_NAME, 'ServiceName', ECS_CLUSTER_NAME];
const AURORA = ['DBClusterIdentifier', `ap-aurora-${TOKEN.suffix}`];

/** The KPIs of an exam: load, errors, latency, capacity in use, database, health, events. Three graphs per row. */
const GRAPHS: readonly { title: string; stat: string; metrics: DashboardMetric[] }[] = [
  { title: 'API requests', stat: 'Sum', metrics: [['AWS/ApiGateway', 'Count', ...API]] },
  { title: 'API errors (4XX, 5XX rate)', stat: 'Average', metrics: [['AWS/ApiGateway', '4XXError', ...API], ['AWS/ApiGateway', '5XXError', ...API]] },
  { title: 'API latency p99 (ms)', stat: 'p99', metrics: [['AWS/ApiGateway', 'Latency', ...API], ['AWS/ApiGateway', 'IntegrationLatency', ...API]] },
  { title: 'Service CPU and memory (percent)', stat: 'Average', metrics: [['AWS/ECS', 'CPUUtilization', ...ECS], ['AWS/ECS', 'MemoryUtilization', ...ECS]] },
  { title: 'Running tasks', stat: 'Average', metrics: [['ECS/ContainerInsights', 'RunningTaskCount', ...ECS]] },
  { title: 'Database connections (writer)', stat: 'Maximum', metrics: [['AWS/RDS', 'DatabaseConnections', ...AURORA, 'Role', 'WRITER']] },
  { title: 'Database capacity (ACU) and CPU', stat: 'Average', metrics: [['AWS/RDS', 'ServerlessDatabaseCapacity', ...AURORA], ['AWS/RDS', 'CPUUtilization', ...AURORA, 'Role', 'WRITER']] },
  { title: 'Reader replica lag (ms)', stat: 'Maximum', metrics: [['AWS/RDS', 'AuroraReplicaLag', ...AURORA, 'Role', 'READER']] },
  { title: 'Health checks passed', stat: 'Sum', metrics: [[HEALTH_METRIC_NAMESPACE, HEALTH_METRIC]] },
  { title: 'Events in and delivered', stat: 'Sum', metrics: [['AWS/Kinesis', 'IncomingRecords', 'StreamName', EVENTS_STREAM], ['AWS/Firehose', 'DeliveryToS3.Records', 'DeliveryStreamName', DELIVERY_STREAM]] },
];

/** The dashboard body, built as typed data; `${REGION}` and the name tokens are filled by the composition. */
export function dashboardBody(): DashboardBody {
  return {
    widgets: GRAPHS.map((g, i) => ({
      type: 'metric',
      x: (i % 3) * 8,
      y: Math.floor(i / 3) * 6,
      width: 8,
      height: 6,
      properties: { title: g.title, region: TOKEN.region, metrics: g.metrics, stat: g.stat, period: 60, view: 'timeSeries' },
    })),
  };
}

/** The console URL of a dashboard: region, then name. */
export const DASHBOARD_URL_FORMAT = 'https://%[1]s.console.aws.amazon.com/cloudwatch/home?region=%[1]s#dashboards:name=%[2]s';

/** The platform's dashboard, `ap-assessment-<suffix>`. */
export function dashboardResources(): ResourcesResources[] {
  return [
    composed({
      name: 'dashboard',
      taggable: false,
      base: Dashboard.manifest({ spec: { forProvider: { region: DEFAULT_REGION } } }),
      patches: [
        tokenPatch(`ap-assessment-${TOKEN.suffix}`, EXTERNAL_NAME),
        tokenPatch(JSON.stringify(dashboardBody()), 'spec.forProvider.dashboardBody'),
        combineToXr(['spec.forProvider.region', EXTERNAL_NAME], DASHBOARD_URL_FORMAT, 'status.operations.dashboardUrl'),
      ],
    }),
  ];
}
