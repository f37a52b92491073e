// Table 2 row 5: clients are not added to the count because clones share one CMID.
import { machineKey, type Fleet } from '../../../evidence/index.js';
import { evidenceOf } from '../../evidence.js';
import { entriesWithCmid, hostLog, machineByKey, namesByCmid, namesFollowEachOther } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { cappedList, LIST_EXAMPLES, msg, NONE, type MessageRef } from '../../../messages/index.js';

interface NamesOfCmid {
  /** Every name the CMID came under (12290 client names, clients' own 12288), with the machine each is. */
  names: Array<{ name: string; identity: string }>;
  /** How many of those names each machine has. */
  perIdentity: Map<string, number>;
}

// Per fleet: a CMID that 4,000 clones share is looked at by each clone, so its names are sorted out once.
const namesIndexes = new WeakMap<Fleet, Map<string, NamesOfCmid | undefined>>();

function namesOf(fleet: Fleet, cmid: string): NamesOfCmid | undefined {
  let index = namesIndexes.get(fleet);
  if (!index) namesIndexes.set(fleet, (index = new Map()));
  if (index.has(cmid)) return index.get(cmid);
  const held = findNames(fleet, cmid);
  index.set(cmid, held);
  return held;
}

function findNames(fleet: Fleet, cmid: string): NamesOfCmid | undefined {
  const names = fleet.cmidNames.get(cmid);
  let held: NamesOfCmid | undefined;
  if (names) {
    held = { names: [], perIdentity: new Map() };
    for (const name of names) {
      // Names the evidence layer joined as one renamed machine are that machine, not another.
      const identity = fleet.find(name)?.key ?? machineKey(name);
      held.names.push({ name, identity });
      held.perIdentity.set(identity, (held.perIdentity.get(identity) ?? 0) + 1);
    }
  }
  return held;
}

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
        lines.push(msg('kms-host/duplicate-cmid.group', { cmid, n: names.size, names: cappedList(spelled.slice(0, LIST_EXAMPLES), spelled.length), caveat }));
        for (const entries of names.values()) {
          evidence.push(evidenceOf(entries[0], msg('kms-host/duplicate-cmid.evidence-host', { cmid, client: entries[0].clientName, n: entries.length })));
        }
      }
      hits.push({
        title: msg('kms-host/duplicate-cmid.title-groups', { n: groups.length }),
        detail: msg('kms-host/duplicate-cmid.detail-host', { groups: cappedList(lines.slice(0, LIST_EXAMPLES), lines.length, 'semicolon') }),
        evidence,
        remedy: REMEDY,
      });
    }
    // The client's view: another machine of the snapshot, or a host's 12290, uses this machine's CMID. Clones
    // can be thousands: each names a few of the others and counts the rest.
    for (const cmid of view.machine.cmids) {
      const shared = namesOf(fleet, cmid);
      const otherNames = shared ? shared.names.length - (shared.perIdentity.get(view.key) ?? 0) : 0;
      if (!shared || otherNames === 0) continue;
      const shown: string[] = [];
      const otherKeys = new Set<string>();
      for (const { name, identity } of shared.names) {
        if (identity === view.key) continue;
        if (shown.length < LIST_EXAMPLES) shown.push(name);
        if (otherKeys.size < LIST_EXAMPLES) otherKeys.add(machineKey(name));
        if (shown.length >= LIST_EXAMPLES && otherKeys.size >= LIST_EXAMPLES) break;
      }
      const evidence: EvidenceRef[] = [];
      const own = view.facts('kms-request').find((f) => f.cmid.toLowerCase() === cmid) ?? view.licenses().find((l) => l.kmsClient?.cmid?.toLowerCase() === cmid);
      if (own) evidence.push(evidenceOf(own, msg('kms-host/duplicate-cmid.evidence-own', { machine: view.name, cmid })));
      for (const key of [...otherKeys].sort((a, b) => a.localeCompare(b))) {
        const m = key === view.key ? undefined : machineByKey(fleet, key);
        const theirs = m?.facts.find((f) => (f.kind === 'kms-request' && f.cmid.toLowerCase() === cmid) || (f.kind === 'license' && f.kmsClient?.cmid?.toLowerCase() === cmid));
        if (m && theirs) evidence.push(evidenceOf(theirs, msg('kms-host/duplicate-cmid.evidence-other', { machine: m.name, cmid })));
      }
      let logged = 0;
      for (const { hostKey, entry } of entriesWithCmid(fleet, cmid)) {
        if (hostKey === view.key || machineKey(entry.clientName) === view.key) continue;
        evidence.push(evidenceOf(entry, msg('kms-host/duplicate-cmid.evidence-12290', { cmid, client: entry.clientName })));
        if (++logged === LIST_EXAMPLES) break;
      }
      const others = cappedList(shown, otherNames);
      hits.push({
        title: msg('kms-host/duplicate-cmid.title-client', { cmid, others }),
        detail: msg('kms-host/duplicate-cmid.detail-client', { others }),
        evidence,
        remedy: REMEDY,
      });
    }
    return hits;
  },
);
