// A report model for a fleet of any size, written directly (no inputs to read): `machines` KMS clients behind
// 3 hosts, of which `failing` have errors with 30 pieces of evidence each, the rest activated (one info
// finding each). For tests of the layout at fleet scale (HTML in Chromium, the job summary's cut), where
// reading 10,000 machines' exports would take minutes.
import type { ExpiryRange, FleetViews } from '../../src/fleet/types.js';
import type { ReportInput, WrittenEvidence, WrittenFinding, WrittenMachine, WrittenReport } from '../../src/report/index.js';

export interface SyntheticFleet {
  machines: number;
  failing: number;
  /** Show every machine in full (as `--machines all`). */
  all?: boolean;
}

const NOW = '2024-03-08T00:00:00.000Z';
const STEPS = ['kms-client/activated', 'kms-client/threshold', 'kms-client/response-result', 'kms-client/host-and-port', 'kms-client/dns-discovery', 'kms-client/host-reachable'];

export const machineName = (i: number): string => `pc${String(i).padStart(5, '0')}.corp.example`;

function evidence(name: string, count: number): WrittenEvidence[] {
  return Array.from({ length: count }, (_, k) => ({
    file: `snapshot/${name}/Application.xml`,
    record: 1000 + k,
    eventId: 12288,
    summary: `12288 result 0x8007232B (DNS_ERROR_RCODE_NAME_ERROR), KMS host kms1.corp.example:1688, request ${k + 1}`,
  }));
}

export function syntheticFleetReport({ machines, failing, all = false }: SyntheticFleet): WrittenReport {
  const every = Math.max(1, Math.floor(machines / Math.max(1, failing)));
  const isFailing = (i: number): boolean => failing > 0 && i % every === 0 && i / every < failing;
  const machineReports: WrittenMachine[] = [];
  const findings: WrittenFinding[] = [];
  const inputs: ReportInput[] = [];
  for (let i = 0; i < machines; i++) {
    const name = machineName(i);
    const bad = isFailing(i);
    const full = bad || all;
    const machine: WrittenMachine = {
      name,
      key: name.split('.')[0],
      aliases: [name, name.split('.')[0]],
      roles: ['kms-client'],
      cmids: [`5a7c2e10-3f4b-4d8e-9a61-${i.toString(16).padStart(12, '0')}`],
      files: [`snapshot/${name}/Application.xml`, `snapshot/${name}/slmgr-dlv.txt`],
      licenses: [
        {
          product: 'Windows(R), Enterprise edition',
          edition: 'Windows 10/11 Enterprise',
          channel: 'VOLUME_KMSCLIENT',
          status: bad ? 'OOBGrace' : 'Licensed',
          basis: 'slmgr',
          minutesLeft: bad ? 20160 : 254880,
          expires: bad ? '2024-03-22T00:00:00.000Z' : '2024-09-01T00:00:00.000Z',
          source: { file: `snapshot/${name}/slmgr-dlv.txt`, line: 3 },
        },
      ],
      worst: bad ? 'error' : 'info',
      findings: bad ? { error: 2, warning: 0, info: 0 } : { error: 0, warning: 0, info: 1 },
      detail: full,
    };
    if (full) {
      machine.walk = STEPS.map((id, k) => {
        const failed = bad && k === 4;
        const ev = evidence(name, failed ? 30 : 1);
        return { id, step: `Step ${id}?`, status: failed ? 'fail' : 'pass', evidence: ev.slice(0, 20), evidenceTotal: ev.length, note: failed ? 'No SRV record.' : 'Fine.' };
      });
    }
    machineReports.push(machine);
    if (bad) {
      const ev = evidence(name, 30);
      findings.push(
        { rule: 'kms-client/dns-lookup-failed', severity: 'error', machine: name, title: 'Client found no KMS host in DNS (_vlmcs._tcp)', detail: '0x8007232B: no SRV record.', evidence: ev.slice(0, 20), evidenceTotal: 30, remedy: ['nslookup -type=srv _vlmcs._tcp.corp.example'], kb: ['kms-client/dns-lookup-failed'] },
        { rule: 'kms-client/not-activated', severity: 'error', machine: name, title: 'KMS client is not activated', detail: 'State OOBGrace.', evidence: ev.slice(0, 1), evidenceTotal: 1, remedy: ['slmgr.vbs /ato'], kb: ['kms-client/not-activated'] },
      );
    } else {
      findings.push({ rule: 'kms-client/activated', severity: 'info', machine: name, title: 'KMS client is activated', detail: 'Licensed.', evidence: [{ file: `snapshot/${name}/slmgr-dlv.txt`, line: 3, summary: 'slmgr: license status Licensed' }], evidenceTotal: 1, remedy: [], kb: ['kms-client/activated'] });
    }
    inputs.push(
      { file: `snapshot/${name}/Application.xml`, format: 'xml', records: 12, decoded: 6, ignored: 6, rejected: [] },
      { file: `snapshot/${name}/slmgr-dlv.txt`, format: 'slmgr', records: 1, decoded: 1, ignored: 0, rejected: [] },
    );
  }
  const errors = failing * 2;
  const ranges: Record<ExpiryRange, number> = { expired: 0, '0-7d': 0, '8-30d': failing, '31-60d': 0, '61-90d': 0, '>90d': machines - failing };
  const fleet: FleetViews = {
    statusCounts: { Licensed: machines - failing, ...(failing > 0 ? { OOBGrace: failing } : {}) },
    expiring: machineReports.map((m) => ({ machine: m.name, product: 'Windows(R), Enterprise edition', status: m.licenses[0].status, expires: m.licenses[0].expires!, minutesLeft: m.licenses[0].minutesLeft!, range: m.worst === 'error' ? '8-30d' : '>90d', source: { file: m.files[1] } })),
    expiringByRange: ranges,
    products: [{ edition: 'Windows 10/11 Enterprise', family: 'Windows client', channel: 'VOLUME_KMSCLIENT', machines, licensed: machines - failing }],
    kmsHosts: [1, 2, 3].map((h) => ({
      name: `kms${h}.corp.example`,
      currentCount: 50,
      currentCountSource: 'slmgr' as const,
      clientsSeen: Math.floor(machines / 3),
      requiredCount: 25,
      lastActivity: '2024-03-07T23:00:00.000Z',
      dnsPublishing: 'ok' as const,
      requestsPerDay: Array.from({ length: 30 }, (_, d) => ({ day: `2024-02-${String(d + 1).padStart(2, '0')}`.replace('2024-02-30', '2024-03-01'), requests: 100 + d, failed: d % 5 })),
    })),
    duplicateCmids: [],
    unseenClients: [],
  };
  return {
    schemaVersion: 2,
    tool: { name: 'volact', version: 'test' },
    generatedAt: NOW,
    now: NOW,
    summary: {
      inputs: inputs.length,
      records: machines * 13,
      decoded: machines * 7,
      ignored: machines * 6,
      rejected: 0,
      machines,
      roles: { 'kms-client': machines },
      machinesByWorst: { error: failing, warning: 0, info: machines - failing, none: 0 },
      findings: { error: errors, warning: 0, info: machines - failing },
    },
    verdict: { status: failing > 0 ? 'attention' : 'clean', machines, attention: failing, errors: failing, inputs: inputs.length, unread: 0, partlyRead: 0 },
    layout: { machines: all ? 'all' : 'failing', show: [], evidence: 20 },
    inputs,
    machines: machineReports,
    findings,
    fleet,
  };
}
