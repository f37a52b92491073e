// Reports the HTML tests render: the example fleet through the real pipeline, the hand-written fleet model with
// known numbers, and the hostile-names fixture with its names also pushed into every fleet view.
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/analyze.js';
import type { FleetViews } from '../../src/fleet/types.js';
import { buildReport, type Report, type WrittenReport } from '../../src/report/index.js';

export const NOW = '2024-03-08T00:00:00Z';

/** Every name the hostile fixture's 12290 events carry (fixtures/html/make-hostile.js writes them from this list). */
const HOSTILE = JSON.parse(readFileSync('fixtures/html/hostile-names.json', 'utf8')) as { host: string; clients: string[] };
export const HOSTILE_NAMES: readonly string[] = HOSTILE.clients;
export const HOSTILE_HOST: string = HOSTILE.host;

export function fleetFixture(): WrittenReport {
  return JSON.parse(readFileSync('fixtures/html/fleet-report.json', 'utf8')) as WrittenReport;
}

export async function exampleReport(): Promise<Report> {
  return buildReport(await analyze(['fixtures/example'], { now: NOW, threads: 0 }));
}

/** The hostile fixture through the pipeline, then its names in every view the charts and tables draw. */
export async function hostileReport(): Promise<Report> {
  const report = buildReport(await analyze(['fixtures/html/hostile-names'], { now: NOW, threads: 0 }));
  const fleet = report.fleet as FleetViews;
  for (const name of HOSTILE_NAMES) fleet.statusCounts[name] = 1;
  fleet.expiring = HOSTILE_NAMES.map((name, i) => ({
    machine: name,
    product: name,
    status: name,
    expires: `2024-03-1${i % 10}T00:00:00.000Z`,
    minutesLeft: 1440 * (2 + (i % 10)),
    range: '8-30d' as const,
    source: { file: name },
  }));
  fleet.kmsHosts.push(
    ...HOSTILE_NAMES.map((name, i) => ({
      name,
      currentCount: i,
      currentCountSource: '12290' as const,
      clientsSeen: i,
      requiredCount: 25,
      dnsPublishing: 'unknown' as const,
      requestsPerDay: [{ day: name, requests: i + 1, failed: 0 }],
    })),
  );
  return report;
}
