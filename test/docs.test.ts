import * as fs from 'fs';
import * as path from 'path';
import { CLAIM_KIND, CLAIM_PLURAL, GIT_REPOSITORY } from '../src/config';
import { EXAMPLE_CLAIMS } from '../src/examples/claims';
import { distDocs } from './helpers/dist';
import { REPO_ROOT } from './helpers/repo';

/**
 * docs/operations.md and README.md name files, make targets, objects and fields; each must be one
 * this repository really has, so that every command in them is one the project's files make true.
 */
const read = (f: string) => fs.readFileSync(path.join(REPO_ROOT, f), 'utf8');
const DOCS = ['docs/operations.md', 'README.md', 'docs/architecture.md'];
const uniq = (xs: string[]) => [...new Set(xs)].sort();

describe.each(DOCS)('%s names only what exists', (doc) => {
  const text = read(doc);

  test('every dist/, src/, test/, scripts/ and docs/ path it names exists', () => {
    const paths = uniq([...text.matchAll(/(?<![\w/.-])((?:dist|src|test|scripts|docs)\/[A-Za-z0-9_./*<>-]+[A-Za-z0-9_*>])/g)].map((m) => m[1]));
    const missing = paths.filter((p) => {
      if (/[*<]/.test(p)) {
        // A pattern (dist/*-definition.yaml, src/apis/<tier>/): its folder must exist.
        const dir = p.slice(0, p.search(/[*<]/)).replace(/[^/]*$/, '');
        return !fs.existsSync(path.join(REPO_ROOT, dir));
      }
      return !fs.existsSync(path.join(REPO_ROOT, p));
    });
    expect(missing).toEqual([]);
  });

  test('every make target it names is in the Makefile', () => {
    const makefile = read('Makefile');
    const targets = uniq([...text.matchAll(/`make ([a-z-]+)/g)].map((m) => m[1]));
    expect(targets.filter((t) => !new RegExp(`^${t}:`, 'm').test(makefile))).toEqual([]);
  });
});

describe('docs/operations.md', () => {
  const text = read('docs/operations.md');
  const objects = Object.values(distDocs()).flat();

  test('the Applications, AppProjects, runtime config, service account and activation policy it names are in dist/', () => {
    const named = uniq([...text.matchAll(/`(assessment-platform(?:-[a-z-]+)?)`/g)].map((m) => m[1]));
    const names = new Set(objects.map((o) => o.metadata?.name));
    expect(named.filter((n) => !names.has(n))).toEqual([]);
    expect(text).toContain('crossplane-system/provider-aws');
    expect(objects.some((o) => o.kind === 'ServiceAccount' && `${o.metadata.namespace}/${o.metadata.name}` === 'crossplane-system/provider-aws')).toBe(true);
  });

  test('the claim kind, the example names and namespaces, and the repository it uses are the real ones', () => {
    expect(text).toContain(`kubectl get ${CLAIM_KIND.toLowerCase()}`);
    expect(text).toContain(`${CLAIM_KIND.toLowerCase()}.platform.assessment-platform.io/`);
    expect(CLAIM_PLURAL).toBe(`${CLAIM_KIND.toLowerCase()}s`);
    for (const ns of uniq([...text.matchAll(/-n (assessments-[a-z]+)/g)].map((m) => m[1]))) {
      expect(EXAMPLE_CLAIMS.map((c) => c.namespace)).toContain(ns);
    }
    expect(read('src/config.ts')).toContain(GIT_REPOSITORY);
  });

  test('the status fields it points at exist in the claim XRD', () => {
    const xrd = objects.find((o) => o.kind === 'CompositeResourceDefinition' && o.spec.claimNames);
    const status = xrd.spec.versions[0].schema.openAPIV3Schema.properties.status;
    const fields = uniq([...text.matchAll(/(?<![\w.])status\.([a-zA-Z][a-zA-Z.]*[a-zA-Z])/g)].map((m) => m[1]));
    expect(fields.length).toBeGreaterThan(3);
    const has = (p: string) => p.split('.').reduce((s: any, k) => s?.properties?.[k], status) !== undefined;
    expect(fields.filter((f) => !has(f))).toEqual([]);
  });

  test('the claim parameters it shows exist in the claim XRD', () => {
    const xrd = objects.find((o) => o.kind === 'CompositeResourceDefinition' && o.spec.claimNames);
    const params = xrd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.parameters;
    const fields = uniq([...text.matchAll(/`((?:database|backup|application|network|cache)\.[a-zA-Z.]+)`/g)].map((m) => m[1]));
    const has = (p: string) => p.split('.').reduce((s: any, k) => s?.properties?.[k], params) !== undefined;
    expect(fields.filter((f) => !has(f))).toEqual([]);
  });
});
