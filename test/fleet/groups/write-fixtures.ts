// Writes fixtures/groups/<kind>/ from test/fleet/groups/scenarios.ts. Run: npx tsx test/fleet/groups/write-fixtures.ts —
// the output is committed, and test/fleet/groups/fixtures.test.ts fails when it differs from what the scenarios make.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GROUP_SCENARIOS } from './scenarios.js';

const ROOT = path.resolve(import.meta.dirname, '../../../fixtures/groups');
rmSync(ROOT, { recursive: true, force: true });
const readme = ['# fixtures/groups', '', 'One fleet per kind of likely shared cause (`src/fleet/groups`), written by `npx tsx test/fleet/groups/write-fixtures.ts`', 'from `test/fleet/groups/scenarios.ts` with the exports of `test/helpers/activation-exports.ts` (Event Viewer XML, wevtutil XML,', '`slmgr /dlv` text as Windows writes them). `test/fleet/groups/fixtures.test.ts` asserts the sentence each one gives.', ''];
for (const make of GROUP_SCENARIOS) {
  const s = make();
  for (const [rel, text] of Object.entries(s.files)) {
    const file = path.join(ROOT, s.name, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  readme.push(`- \`${s.name}/\`: ${s.about}.`);
}
writeFileSync(path.join(ROOT, 'README.md'), readme.join('\n') + '\n');
console.log(`${GROUP_SCENARIOS.length} fleets written under ${ROOT}`);
