// Writes fixtures/timeline/two-hosts/ from test/fleet/timeline/two-hosts.ts. Run: npx tsx test/fleet/timeline/write-fixture.ts —
// the output is committed, and test/fleet/timeline/timeline.test.ts fails when it differs from what the scenario makes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { twoHostsFleet } from './two-hosts.js';

const ROOT = path.resolve(import.meta.dirname, '../../../fixtures/timeline/two-hosts');
rmSync(ROOT, { recursive: true, force: true });
for (const [rel, text] of Object.entries(twoHostsFleet())) {
  mkdirSync(path.dirname(path.join(ROOT, rel)), { recursive: true });
  writeFileSync(path.join(ROOT, rel), text);
}
writeFileSync(
  path.join(ROOT, '..', 'README.md'),
  '# fixtures/timeline\n\n`two-hosts/`: two KMS hosts and a client that moved from one to the other (see `test/fleet/timeline/two-hosts.ts`,\nwhich writes it with the exports of `test/helpers/activation-exports.ts`; `test/fleet/timeline/timeline.test.ts` reads it).\n',
);
console.log(`written under ${ROOT}`);
