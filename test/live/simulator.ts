import { API_GROUP, API_VERSION, CLAIM_KIND } from '../../src/config';
import { observe } from '../engine/provider-status';
import { AwsResource, deleteRefusal } from './aws-in-use';
import { Kube } from './kube';
import { POLL_INTERVAL_SECONDS } from './control-plane';

/**
 * The provider simulator: what provider-upjet-aws would write once AWS has created a managed
 * resource, written to the live API server. It is not a mock of Crossplane: Crossplane core, the
 * API server and the functions are real; only AWS and the provider are absent. For every managed
 * resource of the watched kinds it sets the external name (when the composition set none) and the
 * status subresource (`atProvider` and Ready/Synced), computed by the same typed table the render
 * tests use (test/engine/provider-status.ts). A resource whose spec changes is observed again, as
 * the provider's next poll would.
 *
 * Deletion is the provider's too: like provider-upjet-aws it puts its finalizer on every resource
 * it manages, and when a resource is deleted it removes the finalizer once AWS is done. With
 * `deletionPolicy: Orphan` the AWS resource is left alone (recorded as orphaned); an Aurora cluster
 * with deletion protection on is refused, as AWS refuses it, and the resource stays with
 * Synced=False until the claim turns protection off. AWS also refuses to delete what another
 * resource still uses (aws-in-use.ts): the simulator keeps every AWS resource it has seen, orphaned
 * ones too, refuses such a delete the same way, and retries it whenever an AWS resource goes, as
 * the provider's next poll would. An update that would replace a resource AWS cannot change in
 * place (an ECS task definition) is refused, as provider-upjet-aws refuses it.
 */

const FIELD_MANAGER = 'provider-simulator';
/** provider-upjet-aws's finalizer on the resources it manages. */
export const PROVIDER_FINALIZER = 'finalizer.managedresource.crossplane.io';
/** What AWS answers to a delete of a deletion-protected Aurora cluster. */
export const PROTECTED_CLUSTER_MESSAGE = 'InvalidParameterCombination: Cannot delete protected Cluster, please disable deletion protection and try again.';
const EXTERNAL_NAME = 'crossplane.io/external-name';

/**
 * Kinds whose AWS resource cannot change in place, with the forProvider fields that can: any other
 * change needs a replacement, which provider-upjet-aws refuses (an ECS task definition revision is
 * immutable; only its tags change).
 */
const REPLACED_ON_CHANGE: Record<string, readonly string[]> = { 'ecs/TaskDefinition': ['tags', 'skipDestroy', 'trackLatest'] };
/** What provider-upjet-aws answers to an update that needs a replacement. */
/** Crossplane's pause annotation. */
const PAUSED = 'crossplane.io/paused';

export const REPLACEMENT_REFUSED = 'refuse to update the external resource because the following update requires replacing it';
const replacedFields = (kind: string, created: Record<string, unknown>, wanted: Record<string, unknown>) => {
  const updatable = REPLACED_ON_CHANGE[kind];
  if (!updatable) return [];
  return [...new Set([...Object.keys(created), ...Object.keys(wanted)])]
    .filter((k) => !updatable.includes(k) && JSON.stringify(created[k]) !== JSON.stringify(wanted[k]))
    .sort();
};
const worldKey = (o: any) => `${o.apiVersion}/${o.kind}/${o.metadata.name}`;

/** The status without condition timestamps and with keys sorted (the API server sorts them), to tell whether a write would change anything. */
const statusKey = (status: any) =>
  JSON.stringify(status ?? {}, (k, v) =>
    k === 'lastTransitionTime' ? undefined : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((key) => [key, v[key]])) : v);

export interface SimulatorStats {
  /** Status writes (one per resource observation that changed something). */
  statusWrites: number;
  /** External-name annotation writes. */
  externalNameWrites: number;
  /** Errors while writing (message per resource), kept for the report. */
  readonly errors: string[];
  /** Updates refused because they need a replacement (`Kind/name: message`). */
  readonly refusedReplacements: string[];
  /** Writes per resource (`Kind/name`), to find a resource that never settles. */
  readonly writesByResource: Record<string, number>;
}

/** What happened to one managed resource that was deleted. */
export interface DeletionRecord {
  readonly kind: string;
  readonly name: string;
  readonly compositionResourceName?: string;
  readonly claim?: string;
  /** Deleted in AWS, left in AWS (deletionPolicy Orphan), or refused by AWS (kept until that changes). */
  readonly outcome: 'deleted' | 'orphaned' | 'refused';
  readonly at: number;
}

export class ProviderSimulator {
  readonly stats: SimulatorStats = { statusWrites: 0, externalNameWrites: 0, errors: [], refusedReplacements: [], writesByResource: {} };
  /** Every deletion the provider handled, in order. */
  readonly deletions: DeletionRecord[] = [];
  private readonly stops: (() => void)[] = [];
  private readonly accounts = new Map<string, Promise<string>>();
  /** The account of each managed resource seen with its claim's labels, by UID. */
  private readonly accountOf = new Map<string, Promise<string>>();
  private readonly pending = new Map<string, any>();
  private readonly running = new Set<string>();
  /** Every AWS resource that exists, by `apiVersion/kind/name`, orphaned ones included. */
  private readonly world = new Map<string, AwsResource>();
  /** Deletes AWS refused because of a dependent resource, retried when an AWS resource goes. */
  private readonly blocked = new Map<string, { apiVersion: string; kind: string; name: string }>();

  constructor(private readonly kube: Kube) {}

  /** Start watching the given managed resource kinds, and retry refused deletes every poll interval. */
  async start(kinds: readonly { apiVersion: string; kind: string }[], pollSeconds = POLL_INTERVAL_SECONDS): Promise<void> {
    // The provider polls every resource: a delete AWS refused is tried again at the next poll,
    // even when nothing else changed meanwhile.
    const poll = setInterval(() => this.retryBlocked().catch((e) => this.stats.errors.push(`retrying refused deletes: ${(e as Error).message}`)), pollSeconds * 1000);
    poll.unref();
    this.stops.push(() => clearInterval(poll));
    for (const k of kinds) {
      this.stops.push(await this.kube.watch(k.apiVersion, k.kind, (type, obj) => {
        if (type === 'DELETED') return;
        this.enqueue({ apiVersion: k.apiVersion, kind: k.kind, ...obj });
      }));
    }
  }

  stop(): void {
    this.stops.splice(0).forEach((s) => s());
  }

  /** One observation at a time per resource; the latest event wins. */
  private enqueue(obj: any): void {
    const key = `${obj.apiVersion}/${obj.kind}/${obj.metadata.name}`;
    this.pending.set(key, obj);
    if (this.running.has(key)) return;
    this.running.add(key);
    void (async () => {
      while (this.pending.has(key)) {
        const next = this.pending.get(key);
        this.pending.delete(key);
        try {
          await this.reconcile(next);
        } catch (e) {
          this.stats.errors.push(`${key}: ${(e as Error).message} (uid ${next.metadata.uid}, deleting ${Boolean(next.metadata.deletionTimestamp)}, labels ${JSON.stringify(next.metadata.labels ?? {})})`);
        }
      }
      this.running.delete(key);
    })();
  }

  /** The claim's AWS account (the simulated ARNs carry it). */
  private account(obj: any): Promise<string> {
    const l = obj.metadata.labels ?? {};
    // Crossplane takes its labels off a composed resource it garbage-collects, just before the
    // delete: such a resource keeps the account it was observed with.
    if (!l['crossplane.io/claim-name']) return this.accountOf.get(obj.metadata.uid) ?? Promise.resolve('000000000000');
    const key = `${l['crossplane.io/claim-namespace']}/${l['crossplane.io/claim-name']}`;
    if (!this.accounts.has(key)) {
      this.accounts.set(key, (async () => {
        const claim = await this.kube.get({ apiVersion: `${API_GROUP}/${API_VERSION}`, kind: CLAIM_KIND, namespace: l['crossplane.io/claim-namespace'], name: l['crossplane.io/claim-name'] });
        return claim?.spec?.parameters?.awsAccountId ?? '000000000000';
      })());
    }
    this.accountOf.set(obj.metadata.uid, this.accounts.get(key)!);
    return this.accounts.get(key)!;
  }

  private async reconcile(obj: any): Promise<void> {
    const ref = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name };
    if (obj.metadata.deletionTimestamp) return this.delete(obj);
    if (obj.metadata.annotations?.[PAUSED] === 'true') {
      // As crossplane-runtime's managed reconciler does: nothing is observed or changed in AWS,
      // and the resource says so (Synced=False, ReconcilePaused) until the annotation goes.
      const synced = obj.status?.conditions?.find((c: any) => c.type === 'Synced');
      if (synced?.reason === 'ReconcilePaused') return;
      const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const conditions = [...(obj.status?.conditions ?? []).filter((c: any) => c.type !== 'Synced'),
        { type: 'Synced', status: 'False', reason: 'ReconcilePaused', message: 'Reconciliation is paused via the pause annotation', lastTransitionTime: now }];
      await this.kube.mergePatch(ref, { status: { conditions } }, 'status', FIELD_MANAGER);
      return;
    }
    const kind = `${obj.apiVersion.split('.')[0]}/${obj.kind}`;
    const created = this.world.get(worldKey(obj));
    const replaced = created ? replacedFields(kind, created.spec[0], obj.spec.forProvider ?? {}) : [];
    if (replaced.length) {
      // The provider's update is refused: AWS keeps what was created, and the resource says why.
      const message = `${REPLACEMENT_REFUSED}: ${replaced.map((f) => `forProvider.${f}`).join(', ')}`;
      const synced = obj.status?.conditions?.find((c: any) => c.type === 'Synced');
      if (synced?.message === message) return;
      const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const conditions = [...(obj.status?.conditions ?? []).filter((c: any) => c.type !== 'Synced'),
        { type: 'Synced', status: 'False', reason: 'ReconcileError', message, lastTransitionTime: now }];
      await this.kube.mergePatch(ref, { status: { conditions } }, 'status', FIELD_MANAGER);
      this.stats.refusedReplacements.push(`${obj.kind}/${obj.metadata.name}: ${message}`);
      return;
    }
    const seen = observe(obj, obj.metadata.name, await this.account(obj));
    const externalName = seen.metadata.annotations[EXTERNAL_NAME];
    this.world.set(worldKey(obj), {
      kind,
      name: obj.metadata.name,
      owner: (obj.metadata.ownerReferences ?? []).find((o: any) => o.controller)?.uid,
      labels: obj.metadata.labels ?? {},
      identifiers: [externalName, seen.status.atProvider?.id, seen.status.atProvider?.arn].filter((x): x is string => typeof x === 'string' && x.length > 0),
      spec: [obj.spec.forProvider ?? {}, obj.spec.initProvider ?? {}],
      orphaned: false,
    });
    const finalizers: string[] = obj.metadata.finalizers ?? [];
    if (obj.metadata.annotations?.[EXTERNAL_NAME] !== externalName || !finalizers.includes(PROVIDER_FINALIZER)) {
      const patch = { metadata: { annotations: { [EXTERNAL_NAME]: externalName }, finalizers: [...new Set([...finalizers, PROVIDER_FINALIZER])], resourceVersion: obj.metadata.resourceVersion } };
      try {
        await this.kube.mergePatch(ref, patch, undefined, FIELD_MANAGER);
      } catch (e: any) {
        if (e?.code === 409) return; // changed meanwhile: the watch brings the newer object
        throw e;
      }
      this.stats.externalNameWrites++;
    }
    if (statusKey(seen.status) === statusKey(obj.status)) return;
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const conditions = seen.status.conditions.map((c: any) => ({ ...c, lastTransitionTime: now }));
    await this.kube.mergePatch(ref, { status: { ...seen.status, conditions } }, 'status', FIELD_MANAGER);
    this.stats.statusWrites++;
    const key = `${obj.kind}/${obj.metadata.name}`;
    this.stats.writesByResource[key] = (this.stats.writesByResource[key] ?? 0) + 1;
    if (this.stats.writesByResource[key] === 5 && process.env.AP_LIVE_DEBUG) {
      console.log(`simulator: ${key} written 5 times; stored status ${statusKey(obj.status)}\n  observed ${statusKey(seen.status)}`);
    }
  }

  /** The provider's delete: AWS deletes, the orphan is left, or AWS refuses; then the finalizer goes. */
  private async delete(obj: any): Promise<void> {
    const finalizers: string[] = obj.metadata.finalizers ?? [];
    if (!finalizers.includes(PROVIDER_FINALIZER)) return;
    const ref = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name };
    const record = (outcome: DeletionRecord['outcome']) => this.deletions.push({
      kind: `${obj.apiVersion.split('/')[0]}/${obj.kind}`, name: obj.metadata.name, outcome, at: Date.now(),
      compositionResourceName: obj.metadata.annotations?.['crossplane.io/composition-resource-name'],
      claim: obj.metadata.labels?.['crossplane.io/claim-name'] && `${obj.metadata.labels['crossplane.io/claim-namespace']}/${obj.metadata.labels['crossplane.io/claim-name']}`,
    });
    const orphan = obj.spec.deletionPolicy === 'Orphan' || (obj.spec.managementPolicies && !obj.spec.managementPolicies.some((p: string) => p === '*' || p === 'Delete'));
    const key = worldKey(obj);
    const self = this.world.get(key);
    const refusal = orphan ? undefined
      : obj.kind === 'Cluster' && obj.apiVersion.startsWith('rds.') && obj.spec.forProvider?.deletionProtection ? PROTECTED_CLUSTER_MESSAGE
      : self && deleteRefusal(self, this.world.values());
    if (refusal) {
      if (refusal !== PROTECTED_CLUSTER_MESSAGE) this.blocked.set(key, ref);
      const synced = obj.status?.conditions?.find((c: any) => c.type === 'Synced');
      if (synced?.message === refusal) return;
      const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const conditions = [...(obj.status?.conditions ?? []).filter((c: any) => c.type !== 'Synced'),
        { type: 'Synced', status: 'False', reason: 'ReconcileError', message: refusal, lastTransitionTime: now }];
      await this.kube.mergePatch(ref, { status: { conditions } }, 'status', FIELD_MANAGER);
      record('refused');
      return;
    }
    try {
      await this.kube.mergePatch(ref, { metadata: { finalizers: finalizers.filter((f) => f !== PROVIDER_FINALIZER), resourceVersion: obj.metadata.resourceVersion } }, undefined, FIELD_MANAGER);
    } catch (e: any) {
      if (e?.code === 409 || e?.code === 404) return; // a newer version follows on the watch, or it is gone
      throw e;
    }
    record(orphan ? 'orphaned' : 'deleted');
    this.blocked.delete(key);
    if (orphan) {
      // Still in AWS, no longer under this name: a new managed resource may take the name (a task
      // definition's next revision does) without being taken for this one.
      if (self) {
        self.orphaned = true;
        this.world.delete(key);
        this.world.set(`${key}@${obj.metadata.uid}`, self);
      }
      return;
    }
    this.world.delete(key);
    // Something is gone from AWS: retry every refused delete now rather than at the next poll.
    await this.retryBlocked();
  }

  /** Try every delete AWS refused again. */
  private async retryBlocked(): Promise<void> {
    for (const [k, r] of [...this.blocked]) {
      this.blocked.delete(k);
      const latest = await this.kube.get(r);
      if (latest) this.enqueue({ ...latest, apiVersion: r.apiVersion, kind: r.kind });
    }
  }

  /** AWS resources left in AWS by an orphaning delete, as `group/Kind name`. */
  orphanedInAws(): string[] {
    return [...this.world.values()].filter((r) => r.orphaned).map((r) => `${r.kind} ${r.name}`);
  }
}
