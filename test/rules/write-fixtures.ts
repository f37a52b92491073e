// Writes the generated fixture folders (fixtures/rules/<area>--<name>/{fires,quiet}/, fixtures/scenarios/<name>/)
// from the scenarios. Run: npx tsx test/rules/write-fixtures.ts — the output is committed, and
// test/rules/fixtures.test.ts fails when it differs from what the scenarios make.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedFixtures } from './fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../../fixtures');
const { files, folders } = await generatedFixtures();
for (const dir of folders) rmSync(path.join(ROOT, dir), { recursive: true, force: true });
for (const [rel, text] of files) {
  const file = path.join(ROOT, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
console.log(`${files.size} files in ${folders.length} folders written under ${ROOT}`);
