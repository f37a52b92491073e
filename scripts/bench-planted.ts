// `npm run bench:groups` (second half): the generated fleet with three planted causes and random noise
// (test/helpers/planted-fleet.ts) through the rule chain and the grouping: it must find exactly the three planted
// groups, each with exactly its machines. Prints the CPU time and wall of each step, how much of the rules'
// time grouping was, and what grouping did to memory (heap before and after, the process's peak RSS before and
// after: grouping that stays under the peak the rules reached adds nothing to it). The suite runs the same at
// 2,000 (test/fleet/groups/planted.test.ts). Sizes as arguments: tsx scripts/bench-planted.ts 10000 100000.
import { loadavg } from 'node:os';
import { diagnoseFacts } from '../src/analyze.js';
import { computeGroups } from '../src/fleet/index.js';
import { CLONE_CMID, plantedFleet } from '../test/helpers/planted-fleet.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const clock = (): number => Number(process.hrtime.bigint()) / 1e9;
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const mb = (bytes: number): string => (bytes / 1e6).toFixed(0);
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
let failed = false;
for (const n of sizes.length > 0 ? sizes : [10_000]) {
  const load = loadavg()[0];
  const t0 = clock();
  const fleet = plantedFleet({ machines: n });
  const [t1, c1] = [clock(), cpu()];
  const analysis = diagnoseFacts([], fleet.facts, { groups: false });
  const [t2, c2] = [clock(), cpu()];
  globalThis.gc?.();
  const [heapBefore, peakBefore] = [process.memoryUsage().heapUsed, peakRss()];
  const [t3, c3] = [clock(), cpu()];
  const groups = computeGroups(analysis.fleet, analysis.findings, analysis.views, {}, analysis.causes);
  const [t4, c4] = [clock(), cpu()];
  const [heapAfter, peakAfter] = [process.memoryUsage().heapUsed, peakRss()];
  const found = Object.fromEntries(groups.map((g) => [g.id, [...g.machines].sort().join(',')]));
  const planted = {
    'host:kms03.corp.contoso.com': [...fleet.planted.kms03].sort().join(','),
    [`cmid:${CLONE_CMID}`]: [...fleet.planted.clones].sort().join(','),
    'dns-suffix:branch.contoso.com': [...fleet.planted.branch].sort().join(','),
  };
  const exact = Object.keys(found).length === 3 && Object.entries(planted).every(([id, machines]) => found[id] === machines);
  failed ||= !exact;
  console.log(`${n} machines (${fleet.facts.length} facts; planted ${fleet.planted.kms03.length} + ${fleet.planted.clones.length} + ${fleet.planted.branch.length}, noise ${fleet.noise.length}), load ${load.toFixed(1)}:`);
  console.log(`  generate ${(t1 - t0).toFixed(1)} s wall`);
  console.log(`  rules    ${(t2 - t1).toFixed(1)} s wall, ${(c2 - c1).toFixed(1)} CPU-s`);
  console.log(`  grouping ${(t4 - t3).toFixed(2)} s wall, ${(c4 - c3).toFixed(2)} CPU-s (${(((c4 - c3) / (c2 - c1)) * 100).toFixed(1)}% of the rules' CPU)`);
  console.log(`  memory   heap ${mb(heapBefore)} MB before grouping${globalThis.gc ? ' (after a GC)' : ''}, ${mb(heapAfter)} MB after (no GC); peak RSS ${mb(peakBefore)} MB before, ${mb(peakAfter)} MB after`);
  console.log(`  groups: ${groups.map((g) => `${g.id} (${g.machines.length})`).join(', ')}`);
  console.log(`  exactly the three planted groups: ${exact ? 'yes' : 'NO'}`);
}
process.exitCode = failed ? 1 : 0;
