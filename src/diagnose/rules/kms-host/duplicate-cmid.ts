// Table 2 row 5: clients are not added to the count because clones share one CMID.
import { machineKey } from '../../../evidence/index.js';
import { evidenceOf } from '../../evidence.js';
import { hostEntriesForClient, hostLog, namesByCmid, namesFollowEachOther } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { list, msg, NONE, semicolonList, type MessageRef } from '../../../messages/index.js';

const REMEDY = [
  msg('kms-host/duplicate-cmid.remedy-rearm', { rearm: CMD.rearm }),
  msg('kms-host/duplicate-cmid.remedy-image', { sysprep: CMD.sysprep }),
  msg('kms-host/duplicate-cmid.remedy-ato', { cmd: CMD.ato }),
];

export default defineRule(
  {
    id: 'kms-host/duplicate-cmid',
    severity: 'error',
    description: 'One client machine ID appears in 12290 (or in the clients\' own 12288/slmgr) from two or more machine names: the host counts them as one client, so the count does not grow.',
    kb: ['procedure/reset-cmid', 'event/12290', 'kms-client/count-below-threshold'],
    facts: ['kms-host-request', 'kms-request', 'license'],
    seed: 'Table 2 row 5',
  },
  ({ view, fleet }) => {
    const hits = [];
    // The host's view: its own 12290 log.
    // Names the evidence layer joined as one renamed machine (from that machine's own log) are not clones.
    const identity = (name: string): string => fleet.find(name)?.key ?? machineKey(name);
    const groups = [...namesByCmid(hostLog(fleet, view.key)).entries()].filter(([, names]) => new Set([...names.values()].map((list) => identity(list[0].clientName))).size > 1);
    if (groups.length) {
      const evidence: EvidenceRef[] = [];
      const lines: MessageRef[] = [];
      for (const [cmid, names] of groups) {
        const spelled = [...names.values()].map((list) => list[0].clientName);
        // With one request per name in a short log, a rename looks the same as clones: say so.
        const caveat = namesFollowEachOther(names) ? msg('kms-host/duplicate-cmid.caveat') : NONE;
        lines.push(msg('kms-host/duplicate-cmid.group', { cmid, n: names.size, names: list(spelled), caveat }));
        for (const entries of names.values()) {
          evidence.push(evidenceOf(entries[0], msg('kms-host/duplicate-cmid.evidence-host', { cmid, client: entries[0].clientName, n: entries.length })));
        }
      }
      hits.push({
        title: msg('kms-host/duplicate-cmid.title-groups', { n: groups.length }),
        detail: msg('kms-host/duplicate-cmid.detail-host', { groups: semicolonList(lines) }),
        evidence,
        remedy: REMEDY,
      });
    }
    // The client's view: another machine of the snapshot, or a host's 12290, uses this machine's CMID.
    for (const cmid of view.machine.cmids) {
      // A name the evidence layer took as this machine's old name (a rename) is not another machine.
      const others = [...(fleet.cmidNames.get(cmid) ?? [])].filter((n) => (fleet.find(n)?.key ?? machineKey(n)) !== view.key);
      const otherKeys = [...new Set(others.map(machineKey))];
      if (!otherKeys.length) continue;
      const evidence: EvidenceRef[] = [];
      const own = view.facts('kms-request').find((f) => f.cmid.toLowerCase() === cmid) ?? view.licenses().find((l) => l.kmsClient?.cmid?.toLowerCase() === cmid);
      if (own) evidence.push(evidenceOf(own, msg('kms-host/duplicate-cmid.evidence-own', { machine: view.name, cmid })));
      for (const m of fleet.machines) {
        if (m.key === view.key || !otherKeys.includes(m.key)) continue;
        const theirs = m.facts.find((f) => (f.kind === 'kms-request' && f.cmid.toLowerCase() === cmid) || (f.kind === 'license' && f.kmsClient?.cmid?.toLowerCase() === cmid));
        if (theirs) evidence.push(evidenceOf(theirs, msg('kms-host/duplicate-cmid.evidence-other', { machine: m.name, cmid })));
      }
      for (const { entry } of hostEntriesForClient(fleet, view.machine)) {
        if (entry.cmid.toLowerCase() === cmid && machineKey(entry.clientName) !== view.key) {
          evidence.push(evidenceOf(entry, msg('kms-host/duplicate-cmid.evidence-12290', { cmid, client: entry.clientName })));
        }
      }
      hits.push({
        title: msg('kms-host/duplicate-cmid.title-client', { cmid, others: list(others) }),
        detail: msg('kms-host/duplicate-cmid.detail-client', { others: list([...new Set(others)]) }),
        evidence,
        remedy: REMEDY,
      });
    }
    return hits;
  },
);
