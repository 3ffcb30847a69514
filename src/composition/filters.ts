import { celDouble, tableCel } from '../sizing/capacity-table';
import { instanceSlots } from '../apis/database/aurora-instances';
import { NAT_PER_AZ_ENVIRONMENTS } from '../apis/network/routing';
import { ZONE_C_ATTACHMENTS } from '../apis/endpoints/vpc-endpoints';
import { ZONE_C_MOUNT_TARGET } from '../apis/application/efs';
import { ACCOUNT_LOGGING_RESOURCES } from '../apis/edge/account-logging';
import { TASK_DEFINITION, TASK_DEFINITION_REVISION_FIELDS } from '../apis/application/task-definition';
import { STREAM_VARIANTS } from '../apis/events/kinesis-stream';
import { ALARM_SUBSCRIPTIONS } from '../apis/operations/alarm-topic';
import { FAULT_INJECTION_RESOURCES } from '../apis/operations/fault-injection';
import { INTEGRATION_SLOTS } from '../apis/integrations/integration-secrets';

/**
 * Conditional resources. function-patch-and-transform cannot leave a resource out, so the
 * pipeline's function-cel-filter step drops each resource below whose CEL expression is false.
 * Expressions read the observed XR, which the API server has already defaulted. Numbers in the
 * XR arrive as protobuf doubles, so every numeric literal is a double.
 */
const params = 'observed.composite.resource.spec.parameters';

export const CEL = {
  threeAzs: `${params}.network.azCount == 3.0`,
  twoAzs: `${params}.network.azCount == 2.0`,
  natPerAz: `${params}.environment in [${NAT_PER_AZ_ENVIRONMENTS.map((e) => `'${e}'`).join(', ')}]`,
  /** Readers in force: the claim's override, else the capacity table's value for the student count. */
  readers: `(has(${params}.database.readers) ? ${params}.database.readers : ${tableCel(
    `${params}.capacity.expectedConcurrentStudents`,
    (band) => celDouble(band.auroraReaders),
    celDouble,
  )})`,
};

export interface Filter {
  /** Exact composed-resource name (function-cel-filter anchors it as ^name$). */
  readonly name: string;
  /** Keep the resource only when this is true. */
  readonly expression: string;
}

const and = (...parts: string[]) => parts.join(' && ');

/**
 * True while a composed resource does not exist yet, or exists with the given forProvider fields as
 * this render wants them (a field this render does not set, e.g. while a Required source is
 * briefly missing, counts as unchanged). False when one would change: the resource is dropped, Crossplane deletes it, and the next render
 * composes a new one. For resources AWS cannot change in place, which provider-upjet-aws refuses
 * to replace.
 */
export function unchangedOrNew(name: string, fields: readonly string[]): string {
  const observed = `observed.resources['${name}'].resource.spec.forProvider`;
  const desired = `desired.resources['${name}'].resource.spec.forProvider`;
  const list = `[${fields.map((f) => `'${f}'`).join(', ')}]`;
  return `!('${name}' in observed.resources) || ${list}.all(f, !(f in ${desired}) || (f in ${observed} && ${desired}[f] == ${observed}[f]))`;
}

/** The filters, one per conditional resource. */
export function filters(): Filter[] {
  const out: Filter[] = [];
  // Zone c exists only with 3 AZs.
  for (const name of [
    'subnet-public-c',
    'subnet-private-c',
    'subnet-data-c',
    'route-table-association-data-c',
    'route-table-private-c',
    'route-private-default-c',
    'route-table-association-public-c',
    'route-table-association-private-c',
  ]) {
    out.push({ name, expression: CEL.threeAzs });
  }
  // Zone c's endpoint attachments and EFS mount target: 3 AZs, and zone c's ID already published by the network tier.
  for (const { name, ids } of [...ZONE_C_ATTACHMENTS, ZONE_C_MOUNT_TARGET]) {
    const list = `observed.composite.resource.${ids}`;
    const parent = list.slice(0, list.lastIndexOf('.'));
    out.push({ name, expression: and(CEL.threeAzs, `has(${parent})`, `has(${list})`, `size(${list}) >= 3`) });
  }
  // API Gateway's account-level settings: only where this claim manages them.
  for (const name of ACCOUNT_LOGGING_RESOURCES) out.push({ name, expression: `${params}.api.manageAccountSettings == true` });
  // The task definition, dropped for one reconcile when a field that needs a new revision would change (task-definition.ts).
  out.push({ name: TASK_DEFINITION, expression: unchangedOrNew(TASK_DEFINITION, TASK_DEFINITION_REVISION_FIELDS) });
  // The events stream of the claim's capacity mode (immutable).
  for (const { name, mode } of STREAM_VARIANTS) out.push({ name, expression: `${params}.events.streamMode == '${mode}'` });
  // An e-mail subscription per address in operations.alarmEmails.
  ALARM_SUBSCRIPTIONS.forEach((name, i) => out.push({ name, expression: `size(${params}.operations.alarmEmails) > ${i}` }));
  // A secret and its policy per integration name.
  INTEGRATION_SLOTS.forEach(({ secret, policy }, i) => {
    for (const name of [secret, policy]) out.push({ name, expression: `size(${params}.integrations.names) > ${i}` });
  });
  // The AZ-failure experiment: where operations.faultInjection allows it; unset, everywhere but prod.
  const faultInjection = `(has(${params}.operations.faultInjection) ? ${params}.operations.faultInjection == true : ${params}.environment != 'prod')`;
  for (const name of FAULT_INJECTION_RESOURCES) out.push({ name, expression: faultInjection });
  // NAT gateways b and c exist only where each AZ gets its own (and c only with 3 AZs).
  for (const kind of ['nat-eip', 'nat-gateway']) {
    out.push({ name: `${kind}-b`, expression: CEL.natPerAz });
    out.push({ name: `${kind}-c`, expression: and(CEL.natPerAz, CEL.threeAzs) });
  }
  // Reader k exists when the readers in force are at least k, in the variant of the AZ count.
  for (const slot of instanceSlots()) {
    if (slot.index === 0) continue;
    const parts = [`${CEL.readers} >= ${slot.index}.0`];
    if (slot.azCount === 3) parts.push(CEL.threeAzs);
    if (slot.azCount === 2) parts.push(CEL.twoAzs);
    out.push({ name: slot.name, expression: and(...parts) });
  }
  return out;
}
