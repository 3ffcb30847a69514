import { TASK_DEFINITION } from '../src/apis/application/task-definition';
import { SERVICE_TASK_DEFINITION } from '../src/apis/application/service';
import { XRAY_REPOSITORY } from '../src/apis/application/names';
import { EXAMPLE_CLAIMS } from '../src/examples/claims';
import { ConvergedXr, convergeCached, convergeXr } from './engine/converge';
import { compositionFor, xrdFor } from './helpers/dist';
import { getPath } from './helpers/field-path';

/**
 * Changes to a running service, on the real engine. ECS task definitions are immutable and
 * provider-upjet-aws refuses an update that needs a replacement, so a change of what a revision
 * holds must compose a new task definition (a new managed resource, a new revision), move the
 * service to it, and never leave the service without one on the way. The dev claim's application
 * tier, converged, is changed and reconciled again from the composed resources that exist, render
 * after render, with AWS one reconcile behind Crossplane, until nothing changes.
 */
const SERVICE = 'ecs-service';
const dev = EXAMPLE_CLAIMS.find((c) => c.parameters.environment === 'dev')!;
const running = convergeCached(dev).tiers.application;
const NEW_IMAGE = dev.parameters.application.image.replace(/:[^:/]+$/, ':9.9.9');

interface Change {
  readonly converged: ConvergedXr;
  /** The service's task definition in each render. */
  readonly serviceTaskDefinition: (string | undefined)[];
  /** Whether each render composed the task definition. */
  readonly composed: boolean[];
  /** status.application.taskDefinitionArn of each render. */
  readonly registered: (string | undefined)[];
}

function change(from: ConvergedXr, parameters: (p: any) => void, composition = compositionFor('XApplication')): Change {
  const xr = structuredClone(from.xr);
  parameters(xr.spec.parameters);
  const serviceTaskDefinition: (string | undefined)[] = [];
  const composed: boolean[] = [];
  const registered: (string | undefined)[] = [];
  const converged = convergeXr(xr, composition, xrdFor('XApplication'), dev.parameters.awsAccountId, 'a change to the running dev claim', undefined, {
    observed: from.observed,
    awsLagsOneReconcile: true,
    onRender: (out) => {
      serviceTaskDefinition.push(out.resources[SERVICE]?.spec.forProvider.taskDefinition);
      composed.push(TASK_DEFINITION in out.resources);
      registered.push(out.xr.status?.application?.taskDefinitionArn);
    },
  });
  return { converged, serviceTaskDefinition, composed, registered };
}

/** Consecutive repeats dropped. */
const steps = <T>(xs: readonly T[]) => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
const arnOf = (c: ConvergedXr) => c.xr.status.application.taskDefinitionArn;
const containers = (c: ConvergedXr) => JSON.parse(c.desired[TASK_DEFINITION].spec.forProvider.containerDefinitions);

/** A copy of the application Composition with the X-Ray daemon's tag replaced: a platform release that changes the containers. */
function withXrayTag(tag: string): any {
  const text = JSON.stringify(compositionFor('XApplication'));
  const re = new RegExp(`${XRAY_REPOSITORY.replace(/[/.]/g, (c) => `\\${c}`)}:[0-9.]+`, 'g');
  if (!re.test(text)) throw new Error('the X-Ray image is not in the application Composition');
  return JSON.parse(text.replace(re, `${XRAY_REPOSITORY}:${tag}`));
}

const newImage = change(running, (p) => (p.application.image = NEW_IMAGE));
const largerBand = change(newImage.converged, (p) => (p.capacity = { ...p.capacity, expectedConcurrentStudents: 50000 }));
const platformRelease = change(largerBand.converged, () => undefined, withXrayTag('3.3.99'));
const newOwner = change(running, (p) => (p.owner = 'assessment-team'));

describe('a change to a running service (the real engine, from the converged dev claim)', () => {
  test.each([
    ['a new image', newImage, running, (c: ConvergedXr) => expect(containers(c)[0].image).toBe(NEW_IMAGE)],
    ['a capacity band with larger tasks', largerBand, newImage.converged, (c: ConvergedXr) => expect([c.desired[TASK_DEFINITION].spec.forProvider.cpu, c.desired[TASK_DEFINITION].spec.forProvider.memory]).toEqual(['2048', '4096'])],
    ['a platform release that changes the containers (the X-Ray daemon)', platformRelease, largerBand.converged, (c: ConvergedXr) => expect(containers(c)[1].image).toMatch(new RegExp(`/${XRAY_REPOSITORY}:3\\.3\\.99$`))],
  ] as const)('%s: a new task definition revision, and the service moves to it once, never without one', (_, { converged, serviceTaskDefinition, composed, registered }, before, holds) => {
    holds(converged);
    // The old task definition is dropped for a render (Crossplane deletes it), then composed anew.
    expect(steps(composed)).toEqual([false, true]);
    // The moments before the new revision is registered: none registered, and the service stays.
    expect(registered.some((r) => r === undefined)).toBe(true);
    expect(serviceTaskDefinition.every((t) => typeof t === 'string' && /^arn:aws:ecs:[a-z0-9-]+:\d{12}:task-definition\/ap-assessment-dev:\d+$/.test(t))).toBe(true);
    expect(steps(serviceTaskDefinition)).toEqual([arnOf(before), arnOf(converged)]);
    expect(arnOf(converged)).not.toBe(arnOf(before));
    expect(getPath(converged.xr, SERVICE_TASK_DEFINITION)).toBe(arnOf(converged));
    expect(converged.desired[TASK_DEFINITION].spec.forProvider.skipDestroy).toBe(true);
    expect(converged.results.filter((r) => r.severity !== 'SEVERITY_NORMAL')).toEqual([]);
    expect(converged.xr.status.conditions).toEqual([expect.objectContaining({ type: 'Ready', status: 'True' })]);
  });

  test('a new image changes nothing but the task definition and the service, and the service only in its task definition', () => {
    const others = (c: ConvergedXr) => Object.fromEntries(Object.entries(c.desired).filter(([n]) => n !== SERVICE && n !== TASK_DEFINITION).map(([n, d]) => [n, JSON.stringify(d)]));
    expect(others(newImage.converged)).toEqual(others(running));
    const service = (c: ConvergedXr) => ({ ...c.desired[SERVICE].spec.forProvider, taskDefinition: undefined });
    expect(service(newImage.converged)).toEqual(service(running));
  });

  test('a change AWS makes in place (the Owner tag) keeps the task definition and its revision', () => {
    expect(newOwner.composed.every(Boolean)).toBe(true);
    expect(steps(newOwner.serviceTaskDefinition)).toEqual([arnOf(running)]);
    expect(arnOf(newOwner.converged)).toBe(arnOf(running));
    expect(newOwner.converged.desired[TASK_DEFINITION].spec.forProvider.tags.Owner).toBe('assessment-team');
  });
});
