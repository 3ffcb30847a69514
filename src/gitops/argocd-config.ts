import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { API_GROUP, ARGOCD_NAMESPACE, CLAIM_KIND } from '../config';

/** The Lua health scripts (src/gitops/health), whether this runs from src/ (ts-jest) or lib/src/ (synth). */
export const HEALTH_DIR = [path.join(__dirname, 'health'), path.join(__dirname, '..', '..', '..', 'src', 'gitops', 'health')].find((d) => fs.existsSync(d))!;

/** A health script's text. */
export const healthScript = (name: string) => fs.readFileSync(path.join(HEALTH_DIR, `${name}.lua`), 'utf8');

/** The argocd-cm key of a kind's health check: `resource.customizations.health.<group>_<kind>`. */
export const healthKey = (group: string, kind: string) => `resource.customizations.health.${group}_${kind}`;

/** Which script assesses which kind. */
export const HEALTH_CHECKS: readonly { group: string; kind: string; script: string }[] = [
  { group: API_GROUP, kind: CLAIM_KIND, script: 'claim' },
  { group: 'argoproj.io', kind: 'Application', script: 'application' },
  { group: 'pkg.crossplane.io', kind: 'Provider', script: 'crossplane-package' },
  { group: 'pkg.crossplane.io', kind: 'Function', script: 'crossplane-package' },
  { group: 'apiextensions.crossplane.io', kind: 'CompositeResourceDefinition', script: 'composite-resource-definition' },
];

/**
 * Chart `argocd-config`: the keys this platform needs in Argo CD's `argocd-cm`. Applied with
 * server-side apply (`kubectl apply --server-side --field-manager=assessment-platform`), which
 * merges these keys into the existing ConfigMap and leaves the others alone.
 *
 * - annotation-based resource tracking: Crossplane copies labels from claims to what it composes,
 *   so Argo CD's default label tracking would claim Crossplane's objects as its own;
 * - a health check per kind that a sync wave waits on (the claim, the child Applications, the
 *   Crossplane packages, the XRDs).
 */
export class ArgoCdConfigChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true });
    // resource.exclusions is left alone: Argo CD ships defaults in it, and a key set here would
    // replace them all.
    const data: Record<string, string> = { 'application.resourceTrackingMethod': 'annotation' };
    for (const h of HEALTH_CHECKS) data[healthKey(h.group, h.kind)] = healthScript(h.script);
    new kplus.ConfigMap(this, 'argocd-cm', {
      metadata: { name: 'argocd-cm', namespace: ARGOCD_NAMESPACE, labels: { 'app.kubernetes.io/name': 'argocd-cm', 'app.kubernetes.io/part-of': 'argocd' } },
      data,
    });
  }
}
