import { App, YamlOutputType } from 'cdk8s';
import { DefinitionChart } from './api/definition';
import { DeletionGuardChart } from './api/deletion-guard';
import { APPLICATION_API } from './apis/application/api';
import { CACHE_API } from './apis/cache/api';
import { DATABASE_API } from './apis/database/api';
import { EDGE_API } from './apis/edge/api';
import { ENDPOINTS_API } from './apis/endpoints/api';
import { EVENTS_API } from './apis/events/api';
import { AUDIT_API } from './apis/audit/api';
import { OPERATIONS_API } from './apis/operations/api';
import { BACKUP_API } from './apis/backup/api';
import { INTEGRATIONS_API } from './apis/integrations/api';
import { KEYS_API } from './apis/keys/api';
import { NETWORK_API } from './apis/network/api';
import { addTierCharts } from './apis/tier';
import { CompositionChart } from './composition/composition';
import { ExamplesChart } from './examples/claims';
import { ArgoCdApplicationsChart, ArgoCdRootChart } from './gitops/app-of-apps';
import { ArgoCdConfigChart } from './gitops/argocd-config';
import { composedAwsKinds } from './install/composed-kinds';
import { ConfigurationPackageChart } from './install/configuration-package';
import { CrossplanePackagesChart } from './install/crossplane-packages';
import { ProviderConfigChart } from './install/provider-config';
import { EXAMPLE_CLAIMS } from './examples/claims';

/** Builds every chart; each becomes one file in the output folder. */
export function buildApp(outdir?: string): App {
  const app = new App({ outdir, outputFileExtension: '.yaml', yamlOutputType: YamlOutputType.FILE_PER_CHART });
  new DefinitionChart(app, 'definition');
  new DeletionGuardChart(app, 'deletion-guard');
  new CompositionChart(app, 'composition');
  // The internal APIs, one per tier: a definition and a composition file each.
  addTierCharts(app, 'keys', KEYS_API);
  addTierCharts(app, 'network', NETWORK_API);
  addTierCharts(app, 'database', DATABASE_API);
  addTierCharts(app, 'cache', CACHE_API);
  addTierCharts(app, 'endpoints', ENDPOINTS_API);
  addTierCharts(app, 'application', APPLICATION_API);
  addTierCharts(app, 'edge', EDGE_API);
  addTierCharts(app, 'events', EVENTS_API);
  addTierCharts(app, 'audit', AUDIT_API);
  addTierCharts(app, 'operations', OPERATIONS_API);
  addTierCharts(app, 'backup', BACKUP_API);
  addTierCharts(app, 'integrations', INTEGRATIONS_API);
  new ExamplesChart(app, 'examples');
  // What installs the APIs: derived from the Compositions just built (the kinds they compose).
  const compositions = app.charts.flatMap((c) => c.toJson()).filter((o) => o.kind === 'Composition');
  const composedKinds = composedAwsKinds(compositions);
  new CrossplanePackagesChart(app, 'crossplane-packages', { composedKinds });
  new ProviderConfigChart(app, 'provider-config', { awsAccountIds: EXAMPLE_CLAIMS.map((c) => c.parameters.awsAccountId) });
  new ConfigurationPackageChart(app, 'crossplane', { composedKinds });
  new ArgoCdRootChart(app, 'argocd-root');
  new ArgoCdApplicationsChart(app, 'argocd-applications');
  new ArgoCdConfigChart(app, 'argocd-config');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
