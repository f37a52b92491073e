// `npm run bench:groups` (second half): the generated fleet with three planted causes and random noise
// (test/helpers/planted-fleet.ts) at 10,000 machines, through the rule chain and the grouping: it must find
// exactly the three planted groups, each with exactly its machines. Prints how long each step took and how much
// of it grouping was. The suite runs the same at 2,000 (test/fleet/groups/planted.test.ts).
import { diagnoseFacts } from '../src/analyze.js';
import { computeGroups } from '../src/fleet/index.js';
import { CLONE_CMID, plantedFleet } from '../test/helpers/planted-fleet.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const clock = (): number => Number(process.hrtime.bigint()) / 1e9;
let failed = false;
for (const n of sizes.length > 0 ? sizes : [10_000]) {
  const t0 = clock();
  const fleet = plantedFleet({ machines: n });
  const t1 = clock();
  const analysis = diagnoseFacts([], fleet.facts, { groups: false });
  const t2 = clock();
  const groups = computeGroups(analysis.fleet, analysis.findings, analysis.views, {}, analysis.causes);
  const t3 = clock();
  const found = Object.fromEntries(groups.map((g) => [g.id, [...g.machines].sort().join(',')]));
  const planted = {
    'host:kms03.corp.contoso.com': [...fleet.planted.kms03].sort().join(','),
    [`cmid:${CLONE_CMID}`]: [...fleet.planted.clones].sort().join(','),
    'dns-suffix:branch.contoso.com': [...fleet.planted.branch].sort().join(','),
  };
  const exact = Object.keys(found).length === 3 && Object.entries(planted).every(([id, machines]) => found[id] === machines);
  failed ||= !exact;
  console.log(`${n} machines (${fleet.facts.length} facts; planted ${fleet.planted.kms03.length} + ${fleet.planted.clones.length} + ${fleet.planted.branch.length}, noise ${fleet.noise.length}):`);
  console.log(`  generate ${(t1 - t0).toFixed(1)} s, rules ${(t2 - t1).toFixed(1)} s, grouping ${(t3 - t2).toFixed(2)} s (${(((t3 - t2) / (t2 - t1)) * 100).toFixed(1)}% of the rules)`);
  console.log(`  groups: ${groups.map((g) => `${g.id} (${g.machines.length})`).join(', ')}`);
  console.log(`  exactly the three planted groups: ${exact ? 'yes' : 'NO'}`);
}
process.exitCode = failed ? 1 : 0;
