import { ExampleClaim } from '../../src/examples/claims';
import { compositionDoc, compositionFor } from '../helpers/dist';
import { converge, Converged } from './converge';
import { validate } from './crank';

/**
 * The whole proof of one claim against one Composition: render to convergence with the real
 * functions, then `crank beta validate` every rendered resource. Every problem names the
 * Composition, the composed resource (its name in the Composition) and the field path.
 */
export interface Proof {
  readonly converged?: Converged;
  readonly problems: string[];
}

export function prove(claim: ExampleClaim, composition: any = compositionDoc()): Proof {
  let converged: Converged;
  try {
    converged = converge(claim, { composition });
  } catch (e) {
    return { problems: [(e as Error).message] };
  }
  const byObjectName = new Map(Object.entries(converged.observed).map(([n, o]) => [o.metadata.name, { n, o }]));
  const where = (name: string) => {
    const hit = byObjectName.get(name);
    return hit ? `resource ${hit.n} (${hit.o.apiVersion} ${hit.o.kind})` : `${name}`;
  };
  // The Composition that composed a rendered object: its tier's, or the platform's.
  const compositionOf = (objectName: string) => {
    const n = byObjectName.get(objectName)?.n;
    const tier = n ? converged.tierOf[n] : undefined;
    return tier ? compositionFor(converged.observed[tier].kind).metadata.name : compositionDoc().metadata.name;
  };
  const problems = [
    ...converged.results.filter((r) => r.severity !== 'SEVERITY_NORMAL').map((r) => `Composition ${composition.metadata.name}, ${r.severity} from step ${r.step}: ${r.message}`),
    ...validate([converged.xr, ...Object.values(converged.observed)])
      .verdicts.filter((v) => v.errors.length)
      .flatMap((v) => v.errors.map((e) => `Composition ${compositionOf(v.name)}, ${where(v.name)}: ${e}`)),
  ];
  return { converged, problems };
}

