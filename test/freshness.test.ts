import * as fs from 'fs';
import * as path from 'path';
import { DIST_DIR, synthToTemp } from './helpers/dist';

describe('dist/ freshness and snapshots', () => {
  const fresh = synthToTemp();
  const files = fs.readdirSync(fresh).sort();

  test('synthesis writes one file per chart', () => {
    expect(files).toEqual([
      'application-composition.yaml',
      'application-definition.yaml',
      'argocd-applications.yaml',
      'argocd-config.yaml',
      'argocd-root.yaml',
      'audit-composition.yaml',
      'audit-definition.yaml',
      'backup-composition.yaml',
      'backup-definition.yaml',
      'cache-composition.yaml',
      'cache-definition.yaml',
      'composition.yaml',
      'crossplane-packages.yaml',
      'crossplane.yaml',
      'database-composition.yaml',
      'database-definition.yaml',
      'definition.yaml',
      'deletion-guard.yaml',
      'edge-composition.yaml',
      'edge-definition.yaml',
      'endpoints-composition.yaml',
      'endpoints-definition.yaml',
      'events-composition.yaml',
      'events-definition.yaml',
      'examples.yaml',
      'integrations-composition.yaml',
      'integrations-definition.yaml',
      'keys-composition.yaml',
      'keys-definition.yaml',
      'network-composition.yaml',
      'network-definition.yaml',
      'operations-composition.yaml',
      'operations-definition.yaml',
      'provider-config.yaml',
    ]);
  });

  test('committed dist/ equals a fresh synthesis (run `make synth` and commit when this fails)', () => {
    expect(fs.readdirSync(DIST_DIR).sort()).toEqual(files);
    for (const f of files) {
      const want = fs.readFileSync(path.join(fresh, f), 'utf8');
      const have = fs.readFileSync(path.join(DIST_DIR, f), 'utf8');
      expect({ file: f, same: have === want }).toEqual({ file: f, same: true });
    }
  });

  test.each(files)('snapshot of %s', (f) => {
    expect(fs.readFileSync(path.join(fresh, f), 'utf8')).toMatchSnapshot();
  });

  test('every object has an explicit name without a hash suffix', () => {
    for (const f of files) {
      const text = fs.readFileSync(path.join(fresh, f), 'utf8');
      expect(text).not.toMatch(/name: \S+-c8[0-9a-f]{6}\b/);
    }
  });
});
