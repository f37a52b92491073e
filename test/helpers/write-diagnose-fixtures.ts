// Writes fixtures/rules/<area>--<name>/{fires,quiet}/ and fixtures/scenarios/<name>/ from
// diagnose-scenarios.ts. Run: npx tsx test/helpers/write-diagnose-fixtures.ts
// The output is committed; tests read the files, not this generator.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ruleFixtures, walkScenarios, type FixtureFolder } from './diagnose-scenarios.js';

const ROOT = path.resolve(import.meta.dirname, '../../fixtures');

function write(dir: string, f: FixtureFolder): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(f.files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  // The expectation sits beside the folder, so that analyzing the folder reads only exports.
  writeFileSync(`${dir}.expect.json`, JSON.stringify(f.expect, null, 2) + '\n');
}

export function ruleFolder(ruleId: string): string {
  return ruleId.replace('/', '--');
}

for (const r of ruleFixtures()) {
  write(path.join(ROOT, 'rules', ruleFolder(r.rule), 'fires'), r.fires);
  write(path.join(ROOT, 'rules', ruleFolder(r.rule), 'quiet'), r.quiet);
}
for (const [name, f] of Object.entries(walkScenarios())) write(path.join(ROOT, 'scenarios', name), f);
console.log('fixtures written under', ROOT);
