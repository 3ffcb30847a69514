import { ExampleClaim } from '../../src/examples/claims';
import { compositionDoc } from '../helpers/dist';
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
  const problems = [
    ...converged.results.filter((r) => r.severity !== 'SEVERITY_NORMAL').map((r) => `Composition ${composition.metadata.name}, ${r.severity} from step ${r.step}: ${r.message}`),
    ...validate([converged.xr, ...Object.values(converged.observed)])
      .verdicts.filter((v) => v.errors.length)
      .flatMap((v) => v.errors.map((e) => `Composition ${composition.metadata.name}, ${where(v.name)}: ${e}`)),
  ];
  return { converged, problems };
}

