import { convertTo, fromXr, matchRegexp, Patch, XR } from '../composition/patches';
import { bandRegexp, CAPACITY_TABLE, CapacityBand } from './capacity-table';

type SizedField = Exclude<keyof CapacityBand, 'minStudents' | 'maxStudents'>;

/**
 * Patches that size one field from the capacity table: first the value of the band that
 * expectedConcurrentStudents falls in, then the claim's per-tier override when it is set
 * (patches apply in order, and an absent optional field patches nothing).
 */
export function sizedBy(field: SizedField, toFieldPath: string, overridePath?: string): Patch[] {
  const patches = [
    fromXr(
      XR.students,
      toFieldPath,
      convertTo('string'),
      matchRegexp(CAPACITY_TABLE.map((band) => ({ regexp: bandRegexp(band), result: band[field] }))),
    ),
  ];
  if (overridePath) patches.push(fromXr(overridePath, toFieldPath));
  return patches;
}
