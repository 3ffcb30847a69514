import { CompositionSpecPipeline } from '../../imports/apiextensions-apiextensions.crossplane.io';
import { Input as AutoReadyInput } from '../../imports/autoready-autoready.fn.crossplane.io';
import { Filters } from '../../imports/cel-cel.fn.crossplane.io';
import { Resources, ResourcesResources } from '../../imports/pt-pt.fn.crossplane.io';
import { FUNCTIONS } from '../config';
import { filters as allFilters } from './filters';
import { patchSets } from './patches';
import { deletionPolicyPatchSets } from './protection';

/** Pipeline step names. */
export const STEP = { patchAndTransform: 'patch-and-transform', filter: 'filter-conditional-resources', autoReady: 'automatically-detect-ready' } as const;

/**
 * The pipeline of every Composition (the platform's and each tier's): patch-and-transform with
 * the shared patch sets, function-cel-filter with the filters (filters.ts) that name one of these
 * resources, only when there is one, and auto-ready last.
 */
export function pipeline(resources: ResourcesResources[]): CompositionSpecPipeline[] {
  const names = new Set(resources.map((r) => r.name));
  const filters = allFilters().filter((f) => names.has(f.name));
  return [
    {
      step: STEP.patchAndTransform,
      functionRef: { name: FUNCTIONS.patchAndTransform.name },
      input: Resources.manifest({ patchSets: [...patchSets(), ...deletionPolicyPatchSets()], resources }),
    },
    ...(filters.length ? [{ step: STEP.filter, functionRef: { name: FUNCTIONS.celFilter.name }, input: Filters.manifest({ filters }) }] : []),
    { step: STEP.autoReady, functionRef: { name: FUNCTIONS.autoReady.name }, input: AutoReadyInput.manifest({}) },
  ];
}
