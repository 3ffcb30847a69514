#!/usr/bin/env node
import { parseArgs } from 'util';
import { CLAIM_KIND } from '../config';
import { Kube } from '../kube/client';
import { CliError, EXIT, explain } from './errors';
import { age, oneLine, renderTree, table } from './format';
import { allReady, CLAIM_API, ClaimId, claimTree, composableKinds, descendants, isUnserved, pool, readClaims, readTrees, requirePlatform, TreeNode } from './platform';
import { crankPath, readClaimFile, readNamespaces, validateClaims } from './validate';

/** apctl: what a claim is doing, in one command (README "Operations CLI"). */

const COMMON = `Options:
  --kubeconfig FILE   kubeconfig to use (default: $KUBECONFIG, else ~/.kube/config)
  --context NAME      kubeconfig context (default: its current context)
  --request-timeout D give up when the API server has not answered within D (default: 60s)
  -h, --help          this help`;

const HELP: Record<string, string> = {
  '': `apctl: operate AssessmentPlatform claims

Usage: apctl <command> [arguments] [options]

Commands:
  validate <claim.yaml>     check claims offline against the XRD (OpenAPI and CEL)
  apply <claim.yaml>        validate, then server-side apply
  status [claim] [-n ns]    the tree claim → platform → tiers → managed resources
  wait <claim> [-n ns]      watch until the claim is Ready, with progress
  drift [claim] [-n ns]     managed resources that are not Synced, across all claims by default

Exit codes: 0 ok (Ready, valid, applied, no drift); 1 not Ready, invalid, refused by the API
server, drifted or timed out; 2 wrong usage or unreadable file; 3 cluster unreachable or
credentials refused; 4 platform API not installed; 5 claim not found; 6 forbidden by RBAC;
7 the API server (or apctl) failed: try again, then report it.

Run apctl <command> --help for a command's options.`,
  validate: `Usage: apctl validate <claim.yaml> [--crank PATH]

Validates every claim in the file offline against the AssessmentPlatform XRD (its OpenAPI schema
and CEL rules, by Crossplane's own validator, crank beta validate) and prints every error with its
field path. Exit 0 when all are valid, 1 when not.

  --crank PATH        crank binary (default: $APCTL_CRANK, else bin/crank from make tools)
  -h, --help          this help`,
  apply: `Usage: apctl apply <claim.yaml> [--crank PATH] [options]

Validates the claims (as apctl validate), then applies the file's Namespaces and claims with
server-side apply (field manager apctl) and says what happens next. Nothing is applied when a
claim is invalid. A field another manager owns (Argo CD's, for a claim it syncs) is a conflict
and nothing changes, unless --force-conflicts takes it over.

  --crank PATH        crank binary (default: $APCTL_CRANK, else bin/crank)
  --force-conflicts   take over fields other managers own
${COMMON}`,
  status: `Usage: apctl status [claim] [-n namespace] [-o json] [--problems] [options]

Prints the tree claim → platform XR → tier composites → managed resources with READY, SYNCED, AGE
and the last error, and the sizing tier in force. Without a claim: every claim of -n's namespace,
or of every namespace without -n. Exit 0 only when everything is Ready.

  -n, --namespace NS  the claim's namespace (default: the context's, else default)
  -o, --output json   machine-readable output
  --problems          show only what is not Ready or not Synced below the tiers
${COMMON}`,
  wait: `Usage: apctl wait <claim> [-n namespace] [--timeout 30m] [options]

Watches the claim and everything it composes (list and watch, no polling) until all of it is
Ready for the claim's current generation. On a terminal it shows a progress line (Ready of
total, per tier); otherwise the progress at most every 2 seconds. On timeout it prints what is
still not Ready and why, and exits 1; a deleted claim exits 5.

  -n, --namespace NS  the claim's namespace (default: the context's, else default)
  --timeout DURATION  e.g. 90s, 20m, 1h (default: 30m)
${COMMON}`,
  drift: `Usage: apctl drift [claim] [-n namespace] [-o json] [options]

Lists managed resources that are not Synced (a reconcile error, a refused update, a paused
resource), and composites Crossplane cannot reconcile, with the reason and how long since each
last synced. Without a claim: every claim of -n's namespace, or of every namespace without -n.
Exit 0 when nothing drifted, 1 otherwise.

  -n, --namespace NS  the claim's namespace (default: the context's, else default)
  -o, --output json   machine-readable output
${COMMON}`,
};

type Options = { kubeconfig?: string; context?: string; namespace?: string; output?: string; timeout?: string; 'request-timeout'?: string; crank?: string; problems?: boolean; 'force-conflicts'?: boolean; help?: boolean };

function parse(argv: string[]): { command: string; args: string[]; options: Options } {
  const [command = '', ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help' || command === '') return { command: '', args: [], options: { help: true } };
  if (!HELP[command]) throw new CliError(EXIT.usage, `unknown command ${command}; commands: validate, apply, status, wait, drift (apctl --help)`);
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        namespace: { type: 'string', short: 'n' },
        output: { type: 'string', short: 'o' },
        timeout: { type: 'string' },
        'request-timeout': { type: 'string' },
        crank: { type: 'string' },
        problems: { type: 'boolean' },
        'force-conflicts': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return { command, args: positionals, options: values as Options };
  } catch (e: any) {
    throw new CliError(EXIT.usage, `${command}: ${e.message} (apctl ${command} --help)`);
  }
}

const print = (s: string) => process.stdout.write(`${s}\n`);
const stderrLine = (s: string) => process.stderr.write(`apctl: ${s}\n`);

function client(o: Options): Kube {
  try {
    return new Kube(o.kubeconfig, o.context);
  } catch (e: any) {
    throw new CliError(EXIT.usage, `cannot load the kubeconfig${o.kubeconfig ? ` ${o.kubeconfig}` : ''}: ${e.message}`);
  }
}

/** The claim named on the command line, in -n's namespace, else the context's, else default. */
function claimId(kube: Kube, name: string, o: Options): ClaimId {
  const ns = o.namespace ?? kube.config.getContextObject(kube.config.getCurrentContext())?.namespace ?? 'default';
  return { namespace: ns, name };
}

function oneArg(command: string, args: string[], what: string, required: boolean): string | undefined {
  if (args.length > 1) throw new CliError(EXIT.usage, `${command} takes one ${what}, got ${args.length} (apctl ${command} --help)`);
  if (required && !args.length) throw new CliError(EXIT.usage, `${command} needs a ${what} (apctl ${command} --help)`);
  return args[0];
}

function outputJson(o: Options): boolean {
  if (o.output === undefined) return false;
  if (o.output === 'json') return true;
  throw new CliError(EXIT.usage, `-o ${o.output}: only json is supported`);
}

/** 90s, 20m, 1h → milliseconds. */
function duration(s: string | undefined, fallback: number): number {
  if (s === undefined) return fallback;
  const m = /^(\d+)(s|m|h)$/.exec(s);
  if (!m) throw new CliError(EXIT.usage, `${s}: give a duration as a number and a unit, e.g. 90s, 20m or 1h`);
  const ms = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'];
  if (ms < 1000 || ms > 24 * 3_600_000) throw new CliError(EXIT.usage, `${s}: give a duration from 1s to 24h`);
  return ms;
}

function validateCommand(args: string[], o: Options): number {
  const file = oneArg('validate', args, 'claim file', true)!;
  const claims = readClaimFile(file);
  const findings = validateClaims(claims, crankPath(o.crank));
  for (const f of findings) print(`${file}: ${f.claim}: ${f.field}: ${f.message}`);
  if (findings.length) return EXIT.notReady;
  print(`${file}: ${claims.length} ${CLAIM_KIND} claim${claims.length === 1 ? '' : 's'} valid (${claims.map((c) => c.metadata.name).join(', ')})`);
  return EXIT.ok;
}

async function applyCommand(args: string[], o: Options): Promise<number> {
  const file = oneArg('apply', args, 'claim file', true)!;
  const claims = readClaimFile(file);
  const findings = validateClaims(claims, crankPath(o.crank));
  if (findings.length) {
    for (const f of findings) print(`${file}: ${f.claim}: ${f.field}: ${f.message}`);
    print(`${file}: nothing applied`);
    return EXIT.notReady;
  }
  const kube = client(o);
  await requirePlatform(kube);
  for (const ns of readNamespaces(file)) {
    try {
      await kube.apply(ns, { fieldManager: 'apctl', force: o['force-conflicts'] ?? false });
    } catch (e) {
      throw explain(e, kube.server, `apply Namespace ${ns.metadata?.name}`);
    }
  }
  for (const c of claims) {
    const id = { namespace: c.metadata.namespace ?? claimId(kube, c.metadata.name, o).namespace, name: c.metadata.name };
    const obj = { ...c, apiVersion: CLAIM_API, metadata: { ...c.metadata, namespace: id.namespace } };
    let existed: boolean;
    try {
      existed = !!(await kube.get({ apiVersion: CLAIM_API, kind: CLAIM_KIND, ...id }));
      await kube.apply(obj, { fieldManager: 'apctl', force: o['force-conflicts'] ?? false });
    } catch (e: any) {
      const err = explain(e, kube.server, `apply ${CLAIM_KIND} ${id.name} in namespace ${id.namespace}`);
      if (e?.code === 409) throw new CliError(err.exitCode, `${err.message} (another field manager, such as Argo CD, owns these fields: change the claim where it is managed, or give --force-conflicts)`);
      throw err;
    }
    print(`${CLAIM_KIND.toLowerCase()} ${id.namespace}/${id.name} ${existed ? 'configured' : 'created'}`);
    print(`  next: Crossplane composes the tiers; follow it with: apctl wait ${id.name} -n ${id.namespace}`);
  }
  return EXIT.ok;
}

async function statusCommand(args: string[], o: Options): Promise<number> {
  const name = oneArg('status', args, 'claim', false);
  const json = outputJson(o);
  const kube = client(o);
  const t0 = Date.now();
  const { trees, unserved } = await readTrees(kube, name ? [claimId(kube, name, o)] : [], name ? undefined : o.namespace);
  // A kind the cluster does not serve is a resource that cannot be there: not Ready.
  const ok = trees.length > 0 && trees.every(allReady) && !unserved.length;
  if (json) {
    print(JSON.stringify({ claims: trees, unservedKinds: unserved, allReady: ok, apiCalls: kube.calls, milliseconds: Date.now() - t0 }, null, 2));
  } else {
    if (!trees.length) print(`no ${CLAIM_KIND} claims${o.namespace ? ` in namespace ${o.namespace}` : ''} on ${kube.server}`);
    for (const t of trees) print(`${renderTree(t, { problemsOnly: o.problems })}\n`);
    if (unserved.length) print(`not served by the cluster (their providers are not installed): ${unserved.map((k) => `${k.kind} (${k.apiVersion})`).join(', ')}`);
  }
  return ok ? EXIT.ok : EXIT.notReady;
}

/** Ready of total per tier, for the progress line. */
function progress(t: ReturnType<typeof claimTree>): string {
  if (!t.root.children.length) return `${t.claim.namespace}/${t.claim.name}: waiting for Crossplane to bind the claim to a composite`;
  const tiers = (t.root.children[0]?.children ?? []).filter((n) => n.tier);
  const per = tiers.map((n) => {
    const under = descendants(n).filter((d) => d.kind !== 'ClusterUsage');
    return `${n.tier} ${under.filter((d) => d.ready === 'True').length}/${under.length}`;
  });
  return `${t.claim.namespace}/${t.claim.name}: ${t.readyCount}/${t.total} Ready${per.length ? ` (${per.join(', ')})` : ''}`;
}

async function waitCommand(args: string[], o: Options): Promise<number> {
  const name = oneArg('wait', args, 'claim', true)!;
  const timeout = duration(o.timeout, 30 * 60_000);
  const kube = client(o);
  const id = claimId(kube, name, o);
  await requirePlatform(kube);
  await readClaims(kube, [id]);
  const kinds = await composableKinds(kube);
  const selector = `crossplane.io/claim-name=${id.name},crossplane.io/claim-namespace=${id.namespace}`;
  const objects = new Map<string, any>();
  let claim: any;
  let claimGone = false;
  /** Until every kind's first list has arrived, the picture is partial: never Ready on it. */
  let complete = false;
  const tty = process.stdout.isTTY;
  let pending = '';
  let printed = '';
  const t0 = Date.now();
  const stops: (() => void)[] = [];
  let finished = false;
  let finish: (code: number, lines: string[]) => void = () => undefined;
  const done = new Promise<number>((resolve) => {
    finish = (code, lines) => {
      if (finished) return;
      finished = true;
      if (tty && printed) process.stdout.write('\r\x1b[2K');
      lines.forEach(print);
      resolve(code);
    };
  });
  const tree = () => claimTree(claim, [...objects.values()]);
  const report = () => {
    if (finished) return;
    if (claimGone) return finish(EXIT.notFound, []);
    if (!claim) return;
    const t = tree();
    pending = progress(t);
    if (complete && allReady(t)) finish(EXIT.ok, [`${pending}: Ready after ${Math.round((Date.now() - t0) / 1000)} s`]);
    else if (tty && pending !== printed) {
      process.stdout.write(`\r\x1b[2K${pending}`);
      printed = pending;
    }
  };
  // Off a terminal: the progress at most every 2 seconds, and never a change left unprinted.
  const ticker = setInterval(() => {
    if (!tty && !finished && pending && pending !== printed) {
      print(pending);
      printed = pending;
    }
    // A watch that keeps failing (the server gone, RBAC refusing the watch) ends the wait.
    const failing = kube.watchErrors[0];
    if (failing && !finished) {
      failingSince ??= Date.now();
      if (Date.now() - failingSince > 30_000) {
        const err = /403|forbidden/i.test(failing) ? new CliError(EXIT.forbidden, `forbidden: cannot watch ${failing}`) : new CliError(EXIT.unreachable, `lost the watch of ${failing} for 30 s; check the API server at ${kube.server}`);
        stderrLine(err.message);
        finish(err.exitCode, []);
      }
    } else failingSince = undefined;
  }, 2000);
  let failingSince: number | undefined;
  const timer = setTimeout(() => {
    const t = claim ? tree() : undefined;
    const rows = t ? [['RESOURCE', 'READY', 'SYNCED', 'MESSAGE'], ...[t.root, ...descendants(t.root)].filter((n) => n.kind !== 'ClusterUsage' && (n.ready !== 'True' || n.synced === 'False')).map((n) => [`${n.kind}/${n.name}`, n.ready ?? '-', n.synced ?? '-', oneLine(n.message)])] : [];
    finish(EXIT.notReady, [`timed out after ${Math.round(timeout / 1000)} s: ${t ? `${t.readyCount}/${t.total} Ready` : 'the claim was never read'}; not Ready:`, ...(rows.length ? [table(rows)] : [])]);
  }, timeout);
  const key = (x: any) => `${x.apiVersion}/${x.kind}/${x.metadata.namespace ?? ''}/${x.metadata.name}`;
  try {
    stops.push(await kube.watch(CLAIM_API, CLAIM_KIND, (type, c) => {
      if (type === 'DELETED') claimGone = true;
      else claim = { apiVersion: CLAIM_API, kind: CLAIM_KIND, ...c };
      report();
    }, { namespace: id.namespace, fieldSelector: `metadata.name=${id.name}` }));
    // Every kind's list-then-watch, a few at a time; after a re-list (an expired watch), what the
    // list no longer holds is gone.
    await pool(kinds, 16, async (k) => {
      if (finished) return;
      stops.push(await kube.watch(k.apiVersion, k.kind, (type, obj) => {
        const full = { apiVersion: k.apiVersion, kind: k.kind, ...obj };
        if (type === 'DELETED') objects.delete(key(full));
        else objects.set(key(full), full);
        report();
      }, {
        labelSelector: selector,
        onSynced: (names) => {
          for (const [kk, v] of objects) if (v.apiVersion === k.apiVersion && v.kind === k.kind && !names.has(v.metadata.name)) objects.delete(kk);
        },
      }).catch((e: any) => {
        if (isUnserved(e)) return () => undefined;
        throw e;
      }));
    });
    complete = true;
    report();
  } catch (e) {
    finish(EXIT.failed, []);
    clearTimeout(timer);
    clearInterval(ticker);
    stops.forEach((x) => x());
    if (claimGone) throw new CliError(EXIT.notFound, `${CLAIM_KIND} ${id.name} in namespace ${id.namespace} was deleted`);
    throw explain(e, kube.server, `watch ${CLAIM_KIND} ${id.name} and what it composes`);
  }
  const code = await done;
  clearTimeout(timer);
  clearInterval(ticker);
  stops.forEach((x) => x());
  if (code === EXIT.notFound) throw new CliError(EXIT.notFound, `${CLAIM_KIND} ${id.name} in namespace ${id.namespace} was deleted while waiting`);
  return code;
}

async function driftCommand(args: string[], o: Options): Promise<number> {
  const name = oneArg('drift', args, 'claim', false);
  const json = outputJson(o);
  const kube = client(o);
  const { trees } = await readTrees(kube, name ? [claimId(kube, name, o)] : [], name ? undefined : o.namespace);
  const managed = (n: TreeNode) => !/^X[A-Z]/.test(n.kind) && n.kind !== 'ClusterUsage' && n.kind !== 'Usage' && n.kind !== CLAIM_KIND;
  // Managed resources not Synced, and composites Crossplane cannot reconcile (Synced=False).
  const drifted = trees.flatMap((t) => [t.root, ...descendants(t.root)].filter((n) => (managed(n) && n.synced !== 'True') || (!managed(n) && n.synced === 'False')).map((n) => ({ claim: `${t.claim.namespace}/${t.claim.name}`, resource: n })));
  const count = trees.reduce((s, t) => s + descendants(t.root).filter(managed).length, 0);
  if (json) {
    print(JSON.stringify({ drifted: drifted.map((d) => ({ claim: d.claim, apiVersion: d.resource.apiVersion, kind: d.resource.kind, name: d.resource.name, synced: d.resource.synced, message: d.resource.message, notSyncedSince: d.resource.syncedSince })), managedResources: count, claims: trees.length }, null, 2));
  } else if (!drifted.length) {
    print(`no drift: all ${count} managed resources of ${trees.length} claim${trees.length === 1 ? '' : 's'} are Synced`);
  } else {
    print(table([['CLAIM', 'RESOURCE', 'SYNCED', 'LAST SYNCED', 'MESSAGE'], ...drifted.map((d) => [d.claim, `${d.resource.kind}/${d.resource.name}`, d.resource.synced ?? '-', d.resource.syncedSince ? `${age(d.resource.syncedSince)} ago` : 'never', oneLine(d.resource.message)])]));
    print(`${drifted.length} of ${count} managed resources not Synced`);
  }
  return drifted.length ? EXIT.notReady : EXIT.ok;
}

/** Run apctl with these arguments; resolves with the exit code (errors are printed as one line). */
export async function run(argv: string[]): Promise<number> {
  try {
    const { command, args, options } = parse(argv);
    if (options.help) {
      print(HELP[command]);
      return EXIT.ok;
    }
    if (command === 'validate') return validateCommand(args, options);
    if (command === 'wait') return await waitCommand(args, options);
    // A server that accepts the connection and never answers must not hang a script.
    const limit = duration(options['request-timeout'], 60_000);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CliError(EXIT.unreachable, `no answer from the Kubernetes API server within ${Math.round(limit / 1000)} s (--request-timeout); check --kubeconfig and --context`)), limit);
    });
    try {
      return await Promise.race([command === 'apply' ? applyCommand(args, options) : command === 'status' ? statusCommand(args, options) : driftCommand(args, options), deadline]);
    } finally {
      clearTimeout(timer);
    }
  } catch (e: any) {
    const err = e instanceof CliError ? e : explain(e, '(the current context)', 'talk to the cluster');
    process.stderr.write(`apctl: ${err.message}\n`);
    return err.exitCode;
  }
}

if (require.main === module) {
  // Exit once stdout is flushed (a large -o json into a pipe is written asynchronously).
  void run(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)));
}
