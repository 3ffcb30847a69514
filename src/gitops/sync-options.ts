/**
 * Argo CD's per-resource annotations, spelled once: the sync wave a resource is applied in, and
 * the sync options that keep what holds student data from being pruned or deleted by Argo CD.
 */

/** Argo CD applies lower waves first and waits until they are healthy. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
/** Per-resource sync options (comma-separated). */
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';

/** The annotation that puts a resource in a sync wave. */
export const syncWave = (wave: number): Record<string, string> => ({ [SYNC_WAVE_ANNOTATION]: String(wave) });

/**
 * Never pruned (when it leaves Git) and never deleted with its Application (cascading delete):
 * for claims that hold student data, and for what deleting would delete them with (the XRDs,
 * the providers, the deletion guard). Deleting one of these is a deliberate `kubectl delete`.
 */
export const KEEP = 'Prune=false,Delete=false';
export const keepAnnotation = (): Record<string, string> => ({ [SYNC_OPTIONS_ANNOTATION]: KEEP });
