import { CustomObjectsApi, KubeConfig, KubernetesObject, KubernetesObjectApi, PatchStrategy, setHeaderOptions, Watch } from '@kubernetes/client-node';

/**
 * The one way to the API server, for the operations CLI (src/cli) and the live suite (test/live):
 * @kubernetes/client-node. Server-side apply with the field manager a user's kubectl would use,
 * status writes through the status subresource, and waits driven by watches (list, then watch from
 * that resourceVersion), never by fixed sleeps. Every request is counted (`calls`).
 */

export const FIELD_MANAGER = 'kubectl';

export interface Ref {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface ApplyOptions {
  /** Validate and admit only: the API server's dryRun=All. Default: false. */
  readonly dryRun?: boolean;
  /** The field manager. Default: kubectl. */
  readonly fieldManager?: string;
  /** The API server's field validation. Default: Strict, as kubectl sends it. */
  readonly fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /** Take over fields other field managers own (server-side apply's force). Default: true. */
  readonly force?: boolean;
}

/** A Kubernetes API error with the server's message. */
export class KubeError extends Error {
  constructor(readonly code: number, message: string, readonly body: any) {
    super(message);
  }
}

function toKubeError(e: any): never {
  const body = typeof e?.body === 'string' ? safeParse(e.body) : e?.body;
  throw new KubeError(e?.code ?? body?.code ?? 0, body?.message ?? e?.message ?? String(e), body);
}
const safeParse = (s: string) => {
  try {
    return JSON.parse(s);
  } catch {
    return { message: s };
  }
};

/** The client library's object API, with its discovery (plural names) opened up and resettable. */
class ObjectApi extends KubernetesObjectApi {
  /** Discovery requests made (one per API group version, then cached). */
  discoveryCalls = 0;
  async pluralOf(apiVersion: string, kind: string): Promise<string | undefined> {
    return (await this.resource(apiVersion, kind))?.name;
  }
  protected override async resource(...args: Parameters<KubernetesObjectApi['resource']>) {
    if (!this.apiVersionResourceCache[args[0]]) this.discoveryCalls++;
    return super.resource(...args);
  }
  forgetDiscovery(apiVersion?: string): void {
    if (apiVersion) delete this.apiVersionResourceCache[apiVersion];
    else this.apiVersionResourceCache = {};
  }
  cached(apiVersion: string): boolean {
    return !!this.apiVersionResourceCache[apiVersion];
  }
}

const [groupOf, versionOf] = [(apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : ''), (apiVersion: string) => apiVersion.split('/').pop()!];

export class Kube {
  readonly config = new KubeConfig();
  private readonly objects: ObjectApi;
  private readonly custom: CustomObjectsApi;
  /** Failures of watches that have not resumed yet (a test fails on them: a dead watch would hide events). */
  readonly watchErrors: string[] = [];

  /** Requests other than discovery (each list, get, write, and each list-then-watch start). */
  private requests = 0;

  /**
   * A client for a kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, else in-cluster)
   * and one of its contexts (default: its current context).
   */
  constructor(kubeconfig?: string, context?: string) {
    if (kubeconfig) this.config.loadFromFile(kubeconfig);
    else this.config.loadFromDefault();
    if (context) {
      if (!this.config.getContextObject(context)) throw new Error(`no context ${context} in the kubeconfig (contexts: ${this.config.getContexts().map((c) => c.name).join(', ') || 'none'})`);
      this.config.setCurrentContext(context);
    }
    this.objects = this.config.makeApiClient(ObjectApi);
    this.custom = this.config.makeApiClient(CustomObjectsApi);
  }

  /** The API server's URL of the current context. */
  get server(): string {
    return this.config.getCurrentCluster()?.server ?? 'unknown';
  }

  /** API requests made so far: discovery, reads, lists, writes and watches. */
  get calls(): number {
    return this.requests + this.objects.discoveryCalls;
  }

  /** The plural resource name of a kind, from the API server's discovery (cached). */
  async plural(apiVersion: string, kind: string): Promise<string> {
    const lookUp = () => this.objects.pluralOf(apiVersion, kind).catch((e) => toKubeError(e));
    let p = await lookUp();
    // A group version read before this kind's CRD was added: read it again once, as kubectl does on a miss.
    if (!p && this.objects.cached(apiVersion)) {
      this.objects.forgetDiscovery(apiVersion);
      p = await lookUp();
    }
    if (!p) throw new Error(`the API server does not serve ${kind} in ${apiVersion}`);
    return p;
  }

  /** Forget cached discovery (after CRDs were added). */
  resetDiscovery(): void {
    this.objects.forgetDiscovery();
  }

  /** The REST path of an object (or of its collection without a name). */
  async path(ref: Omit<Ref, 'name'> & { name?: string }): Promise<string> {
    const plural = await this.plural(ref.apiVersion, ref.kind);
    const base = ref.apiVersion.includes('/') ? `/apis/${ref.apiVersion}` : `/api/${ref.apiVersion}`;
    return `${base}${ref.namespace ? `/namespaces/${ref.namespace}` : ''}/${plural}${ref.name ? `/${ref.name}` : ''}`;
  }

  /** Server-side apply, as `kubectl apply --server-side` does. */
  async apply<T extends KubernetesObject = any>(obj: T, options: ApplyOptions = {}): Promise<T> {
    const ref = obj as any;
    const plural = await this.plural(ref.apiVersion, ref.kind);
    const params = {
      group: groupOf(ref.apiVersion), version: versionOf(ref.apiVersion), plural, name: ref.metadata.name, body: obj,
      fieldManager: options.fieldManager ?? FIELD_MANAGER, fieldValidation: options.fieldValidation ?? 'Strict', force: options.force ?? true,
      dryRun: options.dryRun ? 'All' : undefined,
    };
    const opts = setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply);
    this.requests++;
    try {
      if (!params.group) return (await this.objects.patch(obj, undefined, params.dryRun, params.fieldManager, params.force, PatchStrategy.ServerSideApply)) as T;
      return ref.metadata.namespace
        ? await this.custom.patchNamespacedCustomObject({ ...params, namespace: ref.metadata.namespace }, opts)
        : await this.custom.patchClusterCustomObject(params, opts);
    } catch (e) {
      return toKubeError(e);
    }
  }

  /** Create a namespaced custom object (POST), as `kubectl create` does. */
  async create(obj: any, options: ApplyOptions = {}): Promise<any> {
    this.requests++;
    const plural = await this.plural(obj.apiVersion, obj.kind);
    try {
      return await this.custom.createNamespacedCustomObject({
        group: groupOf(obj.apiVersion), version: versionOf(obj.apiVersion), plural, namespace: obj.metadata.namespace, body: obj,
        fieldManager: options.fieldManager ?? FIELD_MANAGER, fieldValidation: options.fieldValidation ?? 'Strict', dryRun: options.dryRun ? 'All' : undefined,
      });
    } catch (e) {
      return toKubeError(e);
    }
  }

  /** Merge-patch an object, or its status subresource. */
  async mergePatch(ref: Ref, patch: any, subresource?: 'status', fieldManager = FIELD_MANAGER): Promise<any> {
    const opts = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    this.requests++;
    const plural = await this.plural(ref.apiVersion, ref.kind);
    const params = { group: groupOf(ref.apiVersion), version: versionOf(ref.apiVersion), plural, name: ref.name, body: patch, fieldManager };
    try {
      if (!params.group) return await this.objects.patch({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace }, ...patch }, undefined, undefined, fieldManager, undefined, PatchStrategy.MergePatch);
      if (ref.namespace) {
        const p = { ...params, namespace: ref.namespace };
        return subresource ? await this.custom.patchNamespacedCustomObjectStatus(p, opts) : await this.custom.patchNamespacedCustomObject(p, opts);
      }
      return subresource ? await this.custom.patchClusterCustomObjectStatus(params, opts) : await this.custom.patchClusterCustomObject(params, opts);
    } catch (e) {
      return toKubeError(e);
    }
  }

  /** Read an object; undefined when it does not exist. */
  async get(ref: Ref): Promise<any | undefined> {
    this.requests++;
    try {
      return await this.objects.read({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } });
    } catch (e: any) {
      if (e?.code === 404) return undefined;
      return toKubeError(e);
    }
  }

  /** List the objects of a kind (optionally in a namespace, with a label selector). */
  async list(apiVersion: string, kind: string, options: { namespace?: string; labelSelector?: string; fieldSelector?: string } = {}): Promise<{ items: any[]; resourceVersion: string }> {
    this.requests++;
    try {
      const l = await this.objects.list(apiVersion, kind, options.namespace, undefined, undefined, undefined, options.fieldSelector, options.labelSelector);
      return { items: l.items, resourceVersion: l.metadata?.resourceVersion ?? '' };
    } catch (e) {
      return toKubeError(e);
    }
  }

  /** Delete an object (foreground propagation by default, as `kubectl delete --cascade=foreground`). */
  async delete(ref: Ref, propagationPolicy: 'Foreground' | 'Background' | 'Orphan' = 'Foreground'): Promise<void> {
    this.requests++;
    try {
      await this.objects.delete({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } }, undefined, undefined, undefined, undefined, propagationPolicy);
    } catch (e) {
      toKubeError(e);
    }
  }

  /**
   * Watch a collection: `onEvent` for each ADDED/MODIFIED/DELETED, starting with the current
   * objects as ADDED, then `onSynced` once they are all delivered. The watch resumes from the last
   * resourceVersion when the server closes it, and lists again when that version has expired
   * (410 Gone). Returns a stop function.
   */
  async watch(apiVersion: string, kind: string, onEvent: (type: string, obj: any) => void, options: { namespace?: string; labelSelector?: string; fieldSelector?: string; onSynced?: (names: Set<string>) => void } = {}): Promise<() => void> {
    const path = await this.path({ apiVersion, kind, namespace: options.namespace });
    let stopped = false;
    let abort: AbortController | undefined;
    const w = new Watch(this.config);
    const start = async (): Promise<void> => {
      const list = await this.list(apiVersion, kind, options);
      for (const o of list.items) onEvent('ADDED', { apiVersion, kind, ...o });
      options.onSynced?.(new Set(list.items.map((o) => o.metadata.name)));
      let rv = list.resourceVersion;
      let expired = false;
      const run = async (): Promise<void> => {
        if (stopped) return;
        this.requests++;
        const a = await w.watch(path, { resourceVersion: rv, allowWatchBookmarks: true, labelSelector: options.labelSelector, fieldSelector: options.fieldSelector },
          (type, obj) => {
            if (type === 'ERROR') {
              if (obj?.code === 410) expired = true;
              return;
            }
            if (obj?.metadata?.resourceVersion) rv = obj.metadata.resourceVersion;
            if (type !== 'BOOKMARK') onEvent(type, obj);
          },
          (err) => {
            if (stopped) return;
            // Resume after a pause (no busy loop while the server is away, e.g. 429 Too Many
            // Requests); list again when expired. A watch that cannot resume stays in watchErrors.
            const failure = err ? `${kind}: ${err?.message ?? err}` : undefined;
            if (failure) this.watchErrors.push(failure);
            const again = expired || /410|Gone|too old/i.test(String(err?.message ?? err ?? '')) ? start : run;
            const retry = (delay: number) => setTimeout(() => void again().then(() => {
              if (failure) this.watchErrors.splice(this.watchErrors.indexOf(failure), 1);
            }, () => retry(2000)), delay);
            retry(err ? 1000 : 0);
          });
        if (stopped) a.abort();
        else abort = a;
      };
      await run();
    };
    await start();
    return () => {
      stopped = true;
      abort?.abort();
    };
  }

  /**
   * Watch a collection until `step` returns a result (it sees every event, and `synced` once the
   * initial list is delivered with the names it held); rejects after `timeoutMs` with `timedOut()`.
   * The watch is always stopped.
   */
  watchUntil<T>(apiVersion: string, kind: string, options: { namespace?: string; fieldSelector?: string }, step: (event: { type: string; obj?: any; synced?: Set<string> }) => { value: T } | undefined, timeoutMs: number, timedOut: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      let stop: (() => void) | undefined;
      let done = false;
      const finish = (err?: Error, result?: { value: T }) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        stop?.();
        if (err) reject(err);
        else resolve(result!.value);
      };
      const timer = setTimeout(() => finish(new Error(timedOut())), timeoutMs);
      const feed = (event: { type: string; obj?: any; synced?: Set<string> }) => {
        const r = done ? undefined : step(event);
        if (r) finish(undefined, r);
      };
      this.watch(apiVersion, kind, (type, obj) => feed({ type, obj }), { ...options, onSynced: (names) => feed({ type: 'SYNCED', synced: names }) })
        .then((s) => {
          stop = s;
          if (done) s();
        })
        .catch((e) => finish(e));
    });
  }

  /**
   * Wait until `predicate` holds for the object (undefined once it is gone), driven by a watch.
   * Resolves with the object; rejects after `timeoutMs` with `describe(last object)`.
   */
  async waitFor(ref: Ref, predicate: (obj: any | undefined) => boolean, timeoutMs: number, describe: (obj: any | undefined) => string = (o) => JSON.stringify(o?.status?.conditions ?? 'absent')): Promise<any> {
    let last: any;
    let synced = false;
    return this.watchUntil(ref.apiVersion, ref.kind, { namespace: ref.namespace, fieldSelector: `metadata.name=${ref.name}` }, ({ type, obj, synced: names }) => {
      if (names) {
        synced = true;
        if (!names.has(ref.name)) last = undefined;
      } else {
        if (obj?.metadata?.name !== ref.name) return undefined;
        last = type === 'DELETED' ? undefined : obj;
      }
      return synced && predicate(last) ? { value: last } : undefined;
    }, timeoutMs, () => `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}: not there within ${timeoutMs / 1000} s: ${describe(last)}`);
  }
}

/** The first object of a kind for which `predicate` holds (already there or to come), driven by a watch. */
export function waitForMatch(kube: Kube, apiVersion: string, kind: string, predicate: (obj: any) => boolean, timeoutMs: number, what: string): Promise<any> {
  return kube.watchUntil(apiVersion, kind, {}, ({ type, obj }) => (obj && type !== 'DELETED' && predicate(obj) ? { value: obj } : undefined), timeoutMs, () => `${what}: not seen within ${timeoutMs / 1000} s`);
}

/** The status of a condition type on an object ('True', 'False', 'Unknown' or undefined). */
export const condition = (obj: any, type: string): any | undefined => obj?.status?.conditions?.find((c: any) => c.type === type);
export const isTrue = (obj: any, type: string) => condition(obj, type)?.status === 'True';
