// Writes the small EVTX seed files the fuzzer starts from (fixtures/hostile/seeds/*.evtx), using the test
// writer so seeds exist without ../shared/samples. Run by hand after changing it: npx tsx test/fuzz/make-seeds.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedEvtxFiles } from './evtx-seeds.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/hostile/seeds');
mkdirSync(dir, { recursive: true });
for (const [name, bytes] of Object.entries(seedEvtxFiles())) {
  writeFileSync(path.join(dir, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}
