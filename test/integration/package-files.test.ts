// What `npm publish` would ship is the product only: the CLI, the built library and the KB. Test tooling
// (the fuzz harness in test/fuzz/lib/) stays out, and no module left in dist/ by an earlier layout of src/
// (the build empties dist/ first) ships beside the current ones. Needs `npm run build` (npm test runs it).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface PackEntry {
  path: string;
}

describe('published package', () => {
  const packed = (): string[] => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return (JSON.parse(out) as Array<{ files: PackEntry[] }>)[0].files.map((f) => f.path).sort();
  };

  it('holds the CLI, the built stages and the KB, and nothing of the tests or the fuzz harness', () => {
    expect(existsSync('dist/index.js'), 'run npm run build first').toBe(true);
    const files = packed();
    expect(files).toEqual(expect.arrayContaining(['bin/volact.js', 'dist/index.js', 'dist/read/index.js', 'dist/read/parallel/worker.js', 'dist/accounts/index.js', 'package.json']));
    expect(files.filter((f) => !/^(bin|dist|kb)\//.test(f) && !/^(package\.json|README\.md|LICENSE)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /fuzz|(^|\/)test\//i.test(f))).toEqual([]);
    // Every declaration file comes from a module under src/ today: nothing stale from a moved or deleted one.
    const stale = files.filter((f) => f.startsWith('dist/') && f.endsWith('.d.ts') && !existsSync(f.replace(/^dist\//, 'src/').replace(/\.d\.ts$/, '.ts')));
    expect(stale).toEqual([]);
  }, 120_000);
});
