// What `npx volact` installs is what src/ runs: every package src/ imports is a runtime dependency, and every
// runtime dependency is imported by some file under src/ (test-only packages belong in devDependencies).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; dependencies?: Record<string, string> };
const runtime = Object.keys(pkg.dependencies ?? {}).sort();

/** Bare specifiers of static imports, dynamic imports and createRequire calls, comments stripped. */
function importedPackages(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)'([^'.][^']*)'/gm)].map((m) => m[1]);
  return specifiers
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
}

const files = fg.sync('src/**/*.ts');
const importers = new Map<string, string[]>();
for (const file of files) {
  for (const name of importedPackages(readFileSync(file, 'utf8'))) importers.set(name, [...(importers.get(name) ?? []), file]);
}

describe('runtime dependencies', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(importers.get('commander')?.length).toBeGreaterThan(0);
  });

  it('every package src/ imports is in dependencies', () => {
    const missing = [...importers.keys()].filter((name) => name !== pkg.name && !runtime.includes(name));
    expect(missing.map((m) => `${m} (imported by ${importers.get(m)!.join(', ')})`)).toEqual([]);
  });

  it('every package in dependencies is imported by src/', () => {
    expect(runtime.filter((name) => !importers.has(name))).toEqual([]);
  });

  it('test-only packages are devDependencies', () => {
    for (const name of ['saxes', 'xml2js', 'vitest', 'fast-check']) expect(runtime).not.toContain(name);
  });
});
