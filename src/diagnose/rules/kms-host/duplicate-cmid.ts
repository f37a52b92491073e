// Table 2 row 5: clients are not added to the count because clones share one CMID.
import { machineKey } from '../../../evidence/index.js';
import { evidenceOf } from '../../evidence.js';
import { hostEntriesForClient, hostLog, namesByCmid, namesFollowEachOther } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';

const REMEDY = [
  `On every machine that shares the CMID, reset it: ${CMD.rearm} and restart (the rearm count must not be 0).`,
  `Fix the image: generalize it with ${CMD.sysprep} before capture, and make sure SkipRearm is 0.`,
  `Then on each clone: ${CMD.ato}`,
];

export default defineRule(
  {
    id: 'kms-host/duplicate-cmid',
    severity: 'error',
    title: 'Several machines share one CMID (image not generalized)',
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
      const lines: string[] = [];
      for (const [cmid, names] of groups) {
        const spelled = [...names.values()].map((list) => list[0].clientName);
        // With one request per name in a short log, a rename looks the same as clones: say so.
        const caveat = namesFollowEachOther(names) ? ` (each name stops before the next starts: if one machine was renamed, this is not a clone)` : '';
        lines.push(`CMID ${cmid} came from ${names.size} machines: ${spelled.join(', ')}${caveat}`);
        for (const list of names.values()) evidence.push(evidenceOf(list[0], `12290 CMID ${cmid} from ${list[0].clientName} (${list.length} request${list.length > 1 ? 's' : ''})`));
      }
      hits.push({
        title: `${groups.length} CMID${groups.length > 1 ? 's are' : ' is'} shared by several machines`,
        detail: `${lines.join('; ')}. The host counts each CMID once, so these machines add one to the count between them.`,
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
      if (own) evidence.push(evidenceOf(own, `${view.name} reports CMID ${cmid}`));
      for (const m of fleet.machines) {
        if (m.key === view.key || !otherKeys.includes(m.key)) continue;
        const theirs = m.facts.find((f) => (f.kind === 'kms-request' && f.cmid.toLowerCase() === cmid) || (f.kind === 'license' && f.kmsClient?.cmid?.toLowerCase() === cmid));
        if (theirs) evidence.push(evidenceOf(theirs, `${m.name} reports the same CMID ${cmid}`));
      }
      for (const { entry } of hostEntriesForClient(fleet, view.machine)) {
        if (entry.cmid.toLowerCase() === cmid && machineKey(entry.clientName) !== view.key) evidence.push(evidenceOf(entry, `12290 CMID ${cmid} from ${entry.clientName}`));
      }
      hits.push({
        title: `CMID ${cmid} is shared with ${others.join(', ')}`,
        detail: `This machine's client machine ID is also used by ${[...new Set(others)].join(', ')}; the KMS host counts them as a single client.`,
        evidence,
        remedy: REMEDY,
      });
    }
    return hits;
  },
);
