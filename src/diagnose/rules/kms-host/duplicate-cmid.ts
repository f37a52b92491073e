// Table 2 row 5: clients are not added to the count because clones share one CMID.
import type { Fact } from '../../../decode/index.js';
import { machineKey, type Fleet, type Machine } from '../../../evidence/index.js';
import { evidenceOf } from '../../evidence-refs.js';
import { entriesWithCmid, hostLog, machineByKey, namesByCmid, namesFollowEachOther } from '../../../evidence/fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule, messenger, type RuleMessages } from '../../rule.js';
import type { MachineView } from '../../../evidence/machine-view/index.js';
import type { EvidenceRef } from '../../../types.js';
import { cappedList, LIST_EXAMPLES, NONE, type MessageRef } from '../../../messages/index.js';

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
  if (!names) return undefined;
  const held: NamesOfCmid = { names: [], perIdentity: new Map() };
  for (const name of names) {
    // Names the evidence layer joined as one renamed machine are that machine, not another.
    const identity = fleet.find(name)?.key ?? machineKey(name);
    held.names.push({ name, identity });
    held.perIdentity.set(identity, (held.perIdentity.get(identity) ?? 0) + 1);
  }
  return held;
}

// The first fact by which a machine reports each CMID about itself (a 12288, or an slmgr block), indexed once per
// machine: a machine can have thousands of CMIDs, and share thousands with another.
const reporting = new WeakMap<object, Map<string, Fact>>();

function firstByCmid(owner: object, facts: () => Iterable<Fact>, cmid: string): Fact | undefined {
  let firsts = reporting.get(owner);
  if (!firsts) {
    firsts = new Map();
    for (const f of facts()) {
      const own = f.kind === 'kms-request' ? f.cmid : f.kind === 'license' ? f.kmsClient?.cmid : undefined;
      if (own && !firsts.has(own.toLowerCase())) firsts.set(own.toLowerCase(), f);
    }
    reporting.set(owner, firsts);
  }
  return firsts.get(cmid);
}

/** Another machine's report of the CMID: its first in input order. */
const reportOf = (machine: Machine, cmid: string): Fact | undefined => firstByCmid(machine, () => machine.facts, cmid);
/** This machine's own: its oldest 12288 with the CMID, else its first slmgr block that prints it. */
const ownReport = (view: MachineView, cmid: string): Fact | undefined =>
  firstByCmid(view, () => [...view.facts('kms-request'), ...view.licenses()], cmid);

const messages = {
  title: { en: 'Several machines share one CMID (image not generalized)', ja: '複数のコンピューターが 1 つの CMID を共有している (イメージが一般化されていない)' },
  'title-groups': {
    en: '{n|# CMID is|# CMIDs are} shared by several machines',
    ja: '{n} 個の CMID が複数のコンピューターで共有されている',
  },
  group: { en: 'CMID {cmid} came from {n|# machine|# machines}: {names}{caveat}', ja: 'CMID {cmid} は {n} 台のコンピューターから届いています: {names}{caveat}' },
  caveat: {
    en: ' (each name stops before the next starts: if one machine was renamed, this is not a clone)',
    ja: ' (各名前は次の名前が現れる前に途絶えています。1 台のコンピューターの名前が変更されただけなら、複製ではありません)',
  },
  'detail-host': {
    en: '{groups}. The host counts each CMID once, so these machines add one to the count between them.',
    ja: '{groups}。ホストは CMID ごとに 1 回しかカウントしないため、これらのコンピューターは合わせて 1 しかカウントを増やしません。',
  },
  'evidence-host': {
    en: '12290 CMID {cmid} from {client} ({n|# request|# requests})',
    ja: '{client} からの 12290 CMID {cmid} (要求 {n} 件)',
  },
  'title-client': { en: 'CMID {cmid} is shared with {others}', ja: 'CMID {cmid} を {others} と共有している' },
  'detail-client': {
    en: "This machine's client machine ID is also used by {others}; the KMS host counts them as a single client.",
    ja: 'このコンピューターのクライアント コンピューター ID (CMID) は {others} でも使われています。KMS ホストはこれらを 1 台のクライアントとしてカウントします。',
  },
  'evidence-own': { en: '{machine} reports CMID {cmid}', ja: '{machine} の CMID は {cmid}' },
  'evidence-other': { en: '{machine} reports the same CMID {cmid}', ja: '{machine} も同じ CMID {cmid} を報告' },
  'evidence-12290': { en: '12290 CMID {cmid} from {client}', ja: '{client} からの 12290 CMID {cmid}' },
  'remedy-rearm': {
    en: 'On every machine that shares the CMID, reset it: {rearm} and restart (the rearm count must not be 0).',
    ja: 'CMID を共有しているすべてのコンピューターで CMID をリセットします: {rearm} を実行して再起動します (再初期化 (rearm) の残り回数が 0 でないこと)。',
  },
  'remedy-image': {
    en: 'Fix the image: generalize it with {sysprep} before capture, and make sure SkipRearm is 0.',
    ja: 'イメージを修正します: キャプチャの前に {sysprep} で一般化し、SkipRearm が 0 であることを確認します。',
  },
  'remedy-ato': { en: 'Then on each clone: {cmd}', ja: 'その後、各複製で実行します: {cmd}' },
} as const satisfies RuleMessages;
const m = messenger('kms-host/duplicate-cmid', messages);

const REMEDY = [
  m('remedy-rearm', { rearm: CMD.rearm }),
  m('remedy-image', { sysprep: CMD.sysprep }),
  m('remedy-ato', { cmd: CMD.ato }),
];

export default defineRule({
  meta: {
    id: 'kms-host/duplicate-cmid',
    severity: 'error',
    description: 'One client machine ID appears in 12290 (or in the clients\' own 12288/slmgr) from two or more machine names: the host counts them as one client, so the count does not grow.',
    kb: ['procedure/reset-cmid', 'event/12290', 'kms-client/count-below-threshold'],
    facts: ['kms-host-request', 'kms-request', 'license'],
    seed: 'Table 2 row 5',
    messages,
  },
  check({ view, fleet }) {
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
        const caveat = namesFollowEachOther(names) ? m('caveat') : NONE;
        lines.push(m('group', { cmid, n: names.size, names: cappedList(spelled.slice(0, LIST_EXAMPLES), spelled.length), caveat }));
        for (const entries of names.values()) {
          evidence.push(evidenceOf(entries[0], m('evidence-host', { cmid, client: entries[0].clientName, n: entries.length })));
        }
      }
      hits.push({
        title: m('title-groups', { n: groups.length }),
        detail: m('detail-host', { groups: cappedList(lines.slice(0, LIST_EXAMPLES), lines.length, 'semicolon') }),
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
      const own = ownReport(view, cmid);
      if (own) evidence.push(evidenceOf(own, m('evidence-own', { machine: view.name, cmid })));
      for (const key of [...otherKeys].sort((a, b) => a.localeCompare(b))) {
        const other = key === view.key ? undefined : machineByKey(fleet, key);
        const theirs = other && reportOf(other, cmid);
        if (other && theirs) evidence.push(evidenceOf(theirs, m('evidence-other', { machine: other.name, cmid })));
      }
      let logged = 0;
      for (const { hostKey, entry } of entriesWithCmid(fleet, cmid)) {
        if (hostKey === view.key || machineKey(entry.clientName) === view.key) continue;
        evidence.push(evidenceOf(entry, m('evidence-12290', { cmid, client: entry.clientName })));
        if (++logged === LIST_EXAMPLES) break;
      }
      const others = cappedList(shown, otherNames);
      hits.push({
        title: m('title-client', { cmid, others }),
        detail: m('detail-client', { others }),
        evidence,
        remedy: REMEDY,
      });
    }
    return hits;
  },
});
