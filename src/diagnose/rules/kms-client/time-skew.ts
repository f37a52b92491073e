// Error codes table: client and host clocks differ by more than the 4 hours KMS tolerates.
import type { KmsHostRequestFact } from '../../../decode/index.js';
import { isSuccessHresult } from '../../../decode/index.js';
import { evidenceOf, mergeEvidence } from '../../evidence-refs.js';
import { clientInFleet, entriesNamingClient, hostLog, machineByKey, unclaimedEntries, type HostEntry } from '../../../evidence/fleet-queries.js';
import type { Fleet } from '../../../evidence/index.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule, messenger, type RuleMessages } from '../../rule.js';
import { firstIndex } from '../../../evidence/search.js';
import { HOUR, toMs } from '../../../evidence/time.js';
import { CMD } from '../../remedies.js';
import type { EvidenceRef } from '../../../types.js';
import { cappedList, duration, LIST_EXAMPLES, msg, NONE, sentences } from '../../../messages/index.js';

export const ID = 'kms-client/time-skew';

const messages = {
  title: { en: 'Client and KMS host clocks differ by more than the allowed skew', ja: 'クライアントと KMS ホストの時刻の差が許容範囲を超えている' },
  'title-clients': { en: 'Clients with clocks off by more than {hours} h: {clients}', ja: '時刻が {hours} 時間を超えてずれているクライアント: {clients}' },
  detail: {
    en: "KMS refuses requests whose timestamp is more than {hours|# hour|# hours} (UTC) away from the host's clock (0xC004F06C).",
    ja: 'KMS は、タイムスタンプがホストの時刻から {hours} 時間 (UTC) を超えて離れている要求を拒否します (0xC004F06C)。',
  },
  evidence: {
    en: '{host}: 12290 result {code}, client {client}, client time {clientTime} vs host time {hostTime}{diff}',
    ja: '{host}: 12290 の結果 {code}、クライアント {client}、クライアント時刻 {clientTime} / ホスト時刻 {hostTime}{diff}',
  },
  'more-unclaimed': {
    en: '{n} more 12290s with skew carry this CMID under names that are no machine of the snapshot (clones of one image share them).',
    ja: 'スナップショットにない名前で、この CMID を持つ時刻のずれた 12290 がほかに {n} 件あります (同じイメージの複製はこれを共有します)。',
  },
  ahead: { en: ', host clock ahead of the client by {by}', ja: '、ホストの時刻がクライアントより {by} 進んでいる' },
  behind: { en: ', host clock behind the client by {by}', ja: '、ホストの時刻がクライアントより {by} 遅れている' },
  'remedy-clock': {
    en: 'Set the clock and time zone right on the client (and the host): both should sync from the domain hierarchy (w32tm /resync).',
    ja: 'クライアント (とホスト) の時刻とタイム ゾーンを正しく設定します。どちらもドメインの階層から時刻を同期するようにします (w32tm /resync)。',
  },
} as const satisfies RuleMessages;
const m = messenger(ID, messages);

/** Host clock (TimeCreated) minus the client's timestamp in the same 12290. */
function skewOf(e: KmsHostRequestFact): number | undefined {
  const host = toMs(e.time);
  const client = toMs(e.clientTime);
  return host === undefined || client === undefined ? undefined : host - client;
}

/** A 12290 showing skew, or 0xC004F06C. */
function isSkewed(e: KmsHostRequestFact, skewMs: number): boolean {
  const s = skewOf(e);
  return e.result === '0xC004F06C' || (s !== undefined && Math.abs(s) > skewMs);
}

/** 12290s showing skew (or 0xC004F06C) that no later good 12290 for the same CMID made history. */
function skewedEntries(entries: readonly KmsHostRequestFact[], skewMs: number): KmsHostRequestFact[] {
  const lastGood = new Map<string, number>();
  for (const e of entries) {
    const s = skewOf(e);
    if (isSuccessHresult(e.result) && (s === undefined || Math.abs(s) <= skewMs)) lastGood.set(e.cmid, Math.max(lastGood.get(e.cmid) ?? -Infinity, toMs(e.time) ?? -Infinity));
  }
  return entries.filter((e) => isSkewed(e, skewMs) && (toMs(e.time) ?? -Infinity) > (lastGood.get(e.cmid) ?? -Infinity));
}

interface Skewed {
  times: number[];
  entries: HostEntry[];
}

// Per fleet and skew allowance: per CMID, the skewed 12290s from names no machine of the snapshot has, oldest
// first. Clones share a CMID, so each clone asks for the same list: it is filtered once, not once per clone.
const unclaimedSkew = new WeakMap<Fleet, Map<string, Skewed>>();

function skewedUnclaimed(fleet: Fleet, cmid: string, skewMs: number): Skewed {
  let perCmid = unclaimedSkew.get(fleet);
  if (!perCmid) unclaimedSkew.set(fleet, (perCmid = new Map()));
  const key = `${skewMs}\u0000${cmid}`;
  let held = perCmid.get(key);
  if (!held) {
    held = { times: [], entries: [] };
    for (const hit of unclaimedEntries(fleet, cmid)) {
      if (!isSkewed(hit.entry, skewMs)) continue;
      held.times.push(toMs(hit.entry.time) ?? -Infinity);
      held.entries.push(hit);
    }
    perCmid.set(key, held);
  }
  return held;
}


function entryEvidence(e: KmsHostRequestFact, host: string): EvidenceRef {
  const s = skewOf(e);
  const diff = s !== undefined ? m(s >= 0 ? 'ahead' : 'behind', { by: duration(s) }) : NONE;
  return evidenceOf(
    e,
    m('evidence', { host, code: e.result, client: e.clientName, clientTime: e.clientTime ?? '?', hostTime: e.time, diff }),
  );
}

export default defineRule({
  meta: {
    id: ID,
    severity: 'error',
    description: "The client or host reports 0xC004F06C, or a 12290's client timestamp and the host's own time differ by more than 4 hours (UTC).",
    kb: ['code/0xC004F06C', 'event/12290'],
    facts: ['kms-request', 'kms-response', 'kms-host-request', 'license', 'slmgr-error'],
    seed: 'error codes (0xC004F06C)',
    messages,
  },
  check({ view, fleet, options }) {
    const skew = options.skewHours * HOUR;
    const evidence = sightingEvidence(ownedSightings(view, ID, 'kms'));
    // The client's side: 12290s on other hosts under this machine's name, and those with its CMID under names
    // that are no machine of the snapshot (examples of those: clones share them; the rest are counted).
    const cut = view.lastKmsSuccess();
    for (const { hostKey, entry } of entriesNamingClient(fleet, view.machine)) {
      if ((toMs(entry.time) ?? -Infinity) > cut && isSkewed(entry, skew)) mergeEvidence(evidence, [entryEvidence(entry, machineByKey(fleet, hostKey)?.name ?? hostKey)]);
    }
    let unclaimed = 0;
    let shown = 0;
    for (const cmid of view.machine.cmids) {
      const { times, entries } = skewedUnclaimed(fleet, cmid, skew);
      for (let i = firstIndex(times.length, (j) => times[j] > cut); i < entries.length; i++) {
        const { hostKey, entry } = entries[i];
        if (hostKey === view.key) continue;
        unclaimed++;
        if (shown < LIST_EXAMPLES) {
          shown++;
          mergeEvidence(evidence, [entryEvidence(entry, machineByKey(fleet, hostKey)?.name ?? hostKey)]);
        } else if (!fleet.hostRequests.has(view.key)) {
          // Only a KMS host's own log needs each entry looked at; for anyone else the rest is a count.
          unclaimed += entries.length - i - 1;
          break;
        }
      }
    }
    // The host's side: clients that are not in the snapshot get the finding on the host.
    const orphans = skewedEntries(hostLog(fleet, view.key), skew).filter((e) => !clientInFleet(fleet, e, view.key));
    for (const e of orphans) mergeEvidence(evidence, [entryEvidence(e, view.name)]);
    if (!evidence.length) return [];
    const clients = [...new Set(orphans.map((e) => e.clientName))];
    const detail = m('detail', { hours: options.skewHours });
    const more = unclaimed - shown;
    return [
      {
        title: clients.length ? m('title-clients', { hours: options.skewHours, clients: cappedList(clients.slice(0, LIST_EXAMPLES), clients.length) }) : undefined,
        detail: more > 0 ? msg('common.sentences', { items: sentences([detail, m('more-unclaimed', { n: more })]) }) : detail,
        evidence,
        remedy: [m('remedy-clock'), msg('common.then-activate', { cmd: CMD.ato })],
      },
    ];
  },
});
