import { convertTo, fromXr, matchRegexp, Patch, Transform, XR } from '../composition/patches';
import { bandRegexp, CAPACITY_TABLE, CapacityBand } from './capacity-table';

type SizedField = Exclude<keyof CapacityBand, 'minStudents' | 'maxStudents'>;

/**
 * Patches that size one field from the capacity table: first the value of the band that
 * expectedConcurrentStudents falls in, then the claim's per-tier override when it is set
 * (patches apply in order, and an absent optional field patches nothing). `after` transforms
 * apply to both (e.g. a number written into an annotation becomes a string).
 */
export function sizedBy(field: SizedField | 'tier', toFieldPath: string, overridePath?: string, ...after: Transform[]): Patch[] {
  const patches = [
    fromXr(
      XR.students,
      toFieldPath,
      convertTo('string'),
      matchRegexp(CAPACITY_TABLE.map((band) => ({ regexp: bandRegexp(band), result: band[field] }))),
      ...after,
    ),
  ];
  if (overridePath) patches.push(fromXr(overridePath, toFieldPath, ...after));
  return patches;
}
