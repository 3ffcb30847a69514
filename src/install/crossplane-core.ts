/**
 * What this platform needs from Crossplane core beyond its defaults: the flags its install sets
 * (the live control plane, test/live, runs core with exactly these).
 *
 * The XR watch circuit breaker. Crossplane gives every XR a token bucket (default burst 100,
 * refill 1 per second) that each watch event of a composed resource drains, 2 tokens for an
 * update (controller-runtime maps an update twice; crossplane/crossplane#6911, #7108). Crossplane
 * v2.2.4 also starts one watch per composed resource, not per kind, when an XR first composes
 * several resources of a kind whose informer is not running yet (internal/engine/engine.go,
 * StartWatches: the duplicate check reads the active informers from before the first watch
 * started), so each event of such a kind reaches the XR once per duplicate watch.
 *
 * Measured on the live control plane (`make test-live`, provider simulator): creating the dev
 * claim (67 composed resources) drains about 1,650 tokens; with the default burst its breaker
 * opened (`Responsive: False`, `WatchCircuitOpen`), events were dropped and the claim took
 * 3 minutes to become Ready instead of 18 seconds (crossplane/crossplane#7703). A real provider
 * writes each resource about twice as often as the simulator. The burst below leaves room for
 * that; the refill rate stays at the default, so a real reconcile loop (two controllers fighting
 * over a field) still opens the breaker once the burst is spent. The nested composition (one XR
 * per tier) lowers the per-XR figure; re-measure then, and on each Crossplane upgrade.
 */

/** The XR watch circuit breaker's burst (default 100). */
export const CIRCUIT_BREAKER_BURST = 5000;

/** Crossplane core flags the platform's install sets (beyond the chart's defaults). */
export const CROSSPLANE_CORE_FLAGS: readonly string[] = [`--circuit-breaker-burst=${CIRCUIT_BREAKER_BURST}`];
