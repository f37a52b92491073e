// Table 2 row 5: clients are not added to the count because clones share one CMID.
import { machineKey } from '../../../evidence/index.js';
import { evidenceOf } from '../../evidence.js';
import { hostEntriesForClient, hostLog, namesByCmid, namesFollowEachOther } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule, messenger, type RuleMessages } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { list, NONE, semicolonList, type MessageRef } from '../../../messages/index.js';

const messages = {
  title: { en: 'Several machines share one CMID (image not generalized)', ja: '複数のコンピューターが 1 つの CMID を共有している (イメージが一般化されていない)' },
  'title-groups': {
    en: '{n|# CMID is|# CMIDs are} shared by several machines',
    ja: '{n} 個の CMID が複数のコンピューターで共有されている',
  },
  group: { en: 'CMID {cmid} came from {n} machines: {names}{caveat}', ja: 'CMID {cmid} は {n} 台のコンピューターから届いています: {names}{caveat}' },
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
        lines.push(m('group', { cmid, n: names.size, names: list(spelled), caveat }));
        for (const entries of names.values()) {
          evidence.push(evidenceOf(entries[0], m('evidence-host', { cmid, client: entries[0].clientName, n: entries.length })));
        }
      }
      hits.push({
        title: m('title-groups', { n: groups.length }),
        detail: m('detail-host', { groups: semicolonList(lines) }),
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
      if (own) evidence.push(evidenceOf(own, m('evidence-own', { machine: view.name, cmid })));
      for (const other of fleet.machines) {
        if (other.key === view.key || !otherKeys.includes(other.key)) continue;
        const theirs = other.facts.find((f) => (f.kind === 'kms-request' && f.cmid.toLowerCase() === cmid) || (f.kind === 'license' && f.kmsClient?.cmid?.toLowerCase() === cmid));
        if (theirs) evidence.push(evidenceOf(theirs, m('evidence-other', { machine: other.name, cmid })));
      }
      for (const { entry } of hostEntriesForClient(fleet, view.machine)) {
        if (entry.cmid.toLowerCase() === cmid && machineKey(entry.clientName) !== view.key) {
          evidence.push(evidenceOf(entry, m('evidence-12290', { cmid, client: entry.clientName })));
        }
      }
      hits.push({
        title: m('title-client', { cmid, others: list(others) }),
        detail: m('detail-client', { others: list([...new Set(others)]) }),
        evidence,
        remedy: REMEDY,
      });
    }
    return hits;
  },
});
