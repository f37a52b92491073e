// Failover section: an SRV record still names a machine that is no KMS host (retired, rebuilt, or the
// name no longer resolves). Clients try it first and wait for the timeout before trying the next record.
import { evidenceOf } from '../../evidence.js';
import { hostMachine } from '../../fleet-queries.js';
import { checksHost, srvTargets } from '../../network-queries.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';

export default defineRule(
  {
    id: 'dns/srv-stale',
    severity: 'warning',
    title: 'An SRV record names a machine that is not a KMS host',
    description: 'A _vlmcs._tcp SRV target is in the snapshot but is not a KMS host, does not resolve, or refuses connections on its port: the record is left over and should be removed.',
    kb: ['procedure/kms-host-failover', 'procedure/check-srv-record', 'kms-host/failed-host-referenced'],
    facts: ['dns-srv-lookup'],
    seed: 'failover section',
  },
  ({ view, fleet }) => {
    const evidence: EvidenceRef[] = [];
    const stale: string[] = [];
    for (const { lookup, record } of srvTargets(view)) {
      const why: string[] = [];
      const proof: EvidenceRef[] = [];
      const machine = hostMachine(fleet, record.target);
      if (machine && machine.key !== view.key && machine.facts.length && !machine.roles.includes('kms-host')) {
        why.push(`${machine.name} is in the snapshot and shows no KMS host role`);
        proof.push(evidenceOf(machine.facts[0]!, `${machine.name}: ${evidenceOf(machine.facts[0]!).summary} (no KMS host product or Key Management Service log)`));
      }
      for (const check of view.facts('port-check')) {
        if (!checksHost(check, record.target, record.addresses)) continue;
        if (check.outcome === 'refused' && check.port === record.port) {
          why.push(`it refuses connections on port ${record.port} (nothing listens there)`);
          proof.push(evidenceOf(check));
        } else if (check.outcome === 'name-not-resolved') {
          why.push('its name no longer resolves');
          proof.push(evidenceOf(check));
        }
      }
      if (!why.length) continue;
      stale.push(`${record.target}:${record.port} (${why.join('; ')})`);
      evidence.push(evidenceOf(lookup, `${evidenceOf(lookup).summary}`), ...proof);
    }
    if (!stale.length) return [];
    return [
      {
        detail: `The SRV set names ${stale.join(', ')}. Clients that pick this record first wait for it to fail before trying another host.`,
        evidence,
        remedy: [
          'Delete the stale _vlmcs._tcp SRV record in DNS Manager (or dnscmd /recorddelete), and check DNS scavenging is on for the zone.',
          'If the machine should still be a KMS host, install and activate the KMS host key on it, and make sure the Software Protection service runs and listens on the port.',
          'Clients that cached the stale host fail over on their next renewal attempt; slmgr.vbs /ato forces it.',
        ],
      },
    ];
  },
);
