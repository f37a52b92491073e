// Failover section: an SRV record still names a machine that is no KMS host (retired, rebuilt, or the
// name no longer resolves). Clients try it first and wait for the timeout before trying the next record.
import { evidenceOf, summarizeFact } from '../../evidence.js';
import { hostMachine } from '../../fleet-queries.js';
import { portChecksFor, srvTargets } from '../../network-queries.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { list, msg, semicolonList, type MessageRef } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'dns/srv-stale',
    severity: 'warning',
    description: 'A _vlmcs._tcp SRV target is in the snapshot but is not a KMS host, does not resolve, or refuses connections on its port: the record is left over and should be removed.',
    kb: ['procedure/kms-host-failover', 'procedure/check-srv-record', 'kms-host/failed-host-referenced'],
    facts: ['dns-srv-lookup'],
    seed: 'failover section',
  },
  ({ view, fleet }) => {
    const evidence: EvidenceRef[] = [];
    const stale: MessageRef[] = [];
    for (const { lookup, record } of srvTargets(view)) {
      const why: MessageRef[] = [];
      const proof: EvidenceRef[] = [];
      const machine = hostMachine(fleet, record.target);
      if (machine && machine.key !== view.key && machine.facts.length && !machine.roles.includes('kms-host')) {
        why.push(msg('dns/srv-stale.no-role', { machine: machine.name }));
        proof.push(evidenceOf(machine.facts[0]!, msg('dns/srv-stale.no-role-evidence', { machine: machine.name, summary: summarizeFact(machine.facts[0]!) })));
      }
      for (const check of portChecksFor(view, record.target, record.addresses)) {
        if (check.outcome === 'refused' && check.port === record.port) {
          why.push(msg('dns/srv-stale.refuses', { port: record.port }));
          proof.push(evidenceOf(check));
        } else if (check.outcome === 'name-not-resolved') {
          why.push(msg('dns/srv-stale.unresolved'));
          proof.push(evidenceOf(check));
        }
      }
      if (!why.length) continue;
      stale.push(msg('dns/srv-stale.target', { target: record.target, port: record.port, why: semicolonList(why) }));
      evidence.push(evidenceOf(lookup));
      for (const p of proof) evidence.push(p);
    }
    if (!stale.length) return [];
    return [
      {
        detail: msg('dns/srv-stale.detail', { stale: list(stale) }),
        evidence,
        remedy: [msg('dns/srv-stale.remedy-delete'), msg('dns/srv-stale.remedy-host'), msg('dns/srv-stale.remedy-clients')],
      },
    ];
  },
);
