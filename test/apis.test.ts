import * as fs from 'fs';
import * as path from 'path';
import { apiDiagram } from '../src/apis/diagram';
import { apiDocs, compositionDocs } from './helpers/dist';
import { REPO_ROOT } from './helpers/repo';

/**
 * The platform is composed of one internal API per tier: the bounds and the documentation that
 * keep it that way.
 */
export const MAX_RESOURCES_PER_COMPOSITION = 50;

const DIAGRAM_BEGIN = '<!-- api-diagram: generated from src/apis/diagram.ts; test/apis.test.ts keeps it equal -->';
const DIAGRAM_END = '<!-- /api-diagram -->';

describe('APIs', () => {
  test('the platform and one API per tier, each with its XRD and its Composition', () => {
    expect(apiDocs().map((a) => a.kind)).toEqual(['XAssessmentPlatform', 'XApplication', 'XAudit', 'XBackup', 'XCache', 'XDatabase', 'XEdge', 'XEndpoints', 'XEvents', 'XIntegrations', 'XKeys', 'XNetwork', 'XOperations']);
    for (const a of apiDocs()) expect([a.kind, !!a.xrd, !!a.composition]).toEqual([a.kind, true, true]);
  });

  test(`no Composition composes more than ${MAX_RESOURCES_PER_COMPOSITION} resources (the XR watch circuit breaker opened at 78 in one XR)`, () => {
    const sizes = compositionDocs().map((c) => [c.metadata.name, c.spec.pipeline[0].input.resources.length] as const);
    console.log(`composed resources per Composition: ${sizes.map(([n, k]) => `${n} ${k}`).join(', ')}`);
    expect(sizes.filter(([, k]) => k > MAX_RESOURCES_PER_COMPOSITION)).toEqual([]);
  });

  test('docs/architecture.md shows the diagram the code builds', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'architecture.md'), 'utf8');
    const start = doc.indexOf(DIAGRAM_BEGIN);
    const end = doc.indexOf(DIAGRAM_END);
    expect(start).toBeGreaterThan(-1);
    expect(doc.slice(start + DIAGRAM_BEGIN.length, end).trim()).toBe(['```mermaid', apiDiagram(), '```'].join('\n'));
  });

  test('the diagram shows the values a store tier takes from the network tier', () => {
    // Every edge comes from a real ToCompositeFieldPath (a read no tier writes throws).
    expect(apiDiagram()).toContain('network -->|"network.appSecurityGroupId<br/>network.dataSubnetIds<br/>network.vpcId"| database');
  });
});
