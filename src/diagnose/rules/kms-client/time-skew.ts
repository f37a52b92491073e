// Error codes table: client and host clocks differ by more than the 4 hours KMS tolerates.
import type { KmsHostRequestFact } from '../../../decode/index.js';
import { isSuccessHresult } from '../../../decode/index.js';
import { evidenceOf, mergeEvidence } from '../../evidence.js';
import { clientInFleet, hostEntriesForClient, hostLog, machineByKey } from '../../fleet-queries.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule, messenger, type RuleMessages } from '../../rule.js';
import { HOUR, toMs } from '../../time.js';
import { CMD } from '../../remedies.js';
import type { EvidenceRef } from '../../../types.js';
import { duration, list, msg, NONE } from '../../../messages/index.js';

export const ID = 'kms-client/time-skew';

const messages = {
  title: { en: 'Client and KMS host clocks differ by more than the allowed skew', ja: 'クライアントと KMS ホストの時刻の差が許容範囲を超えている' },
  'title-clients': { en: 'Clients with clocks off by more than {hours} h: {clients}', ja: '時刻が {hours} 時間を超えてずれているクライアント: {clients}' },
  detail: {
    en: "KMS refuses requests whose timestamp is more than {hours} hours (UTC) away from the host's clock (0xC004F06C).",
    ja: 'KMS は、タイムスタンプがホストの時刻から {hours} 時間 (UTC) を超えて離れている要求を拒否します (0xC004F06C)。',
  },
  evidence: {
    en: '{host}: 12290 result {code}, client {client}, client time {clientTime} vs host time {hostTime}{diff}',
    ja: '{host}: 12290 の結果 {code}、クライアント {client}、クライアント時刻 {clientTime} / ホスト時刻 {hostTime}{diff}',
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

/** 12290s showing skew (or 0xC004F06C) that no later good 12290 for the same CMID made history. */
function skewedEntries(entries: readonly KmsHostRequestFact[], skewMs: number): KmsHostRequestFact[] {
  const lastGood = new Map<string, number>();
  for (const e of entries) {
    const s = skewOf(e);
    if (isSuccessHresult(e.result) && (s === undefined || Math.abs(s) <= skewMs)) lastGood.set(e.cmid, Math.max(lastGood.get(e.cmid) ?? -Infinity, toMs(e.time) ?? -Infinity));
  }
  return entries.filter((e) => {
    const s = skewOf(e);
    const bad = e.result === '0xC004F06C' || (s !== undefined && Math.abs(s) > skewMs);
    return bad && (toMs(e.time) ?? -Infinity) > (lastGood.get(e.cmid) ?? -Infinity);
  });
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
    // The client's side: 12290s on any host that name this machine.
    const cut = view.lastKmsSuccess();
    const mine = hostEntriesForClient(fleet, view.machine).filter(({ entry }) => (toMs(entry.time) ?? -Infinity) > cut);
    for (const { hostKey, entry } of mine) {
      if (skewedEntries([entry], skew).length) mergeEvidence(evidence, [entryEvidence(entry, machineByKey(fleet, hostKey)?.name ?? hostKey)]);
    }
    // The host's side: clients that are not in the snapshot get the finding on the host.
    const orphans = skewedEntries(hostLog(fleet, view.key), skew).filter((e) => !clientInFleet(fleet, e, view.key));
    for (const e of orphans) mergeEvidence(evidence, [entryEvidence(e, view.name)]);
    if (!evidence.length) return [];
    const clients = [...new Set(orphans.map((e) => e.clientName))];
    return [
      {
        title: clients.length ? m('title-clients', { hours: options.skewHours, clients: list(clients) }) : undefined,
        detail: m('detail', { hours: options.skewHours }),
        evidence,
        remedy: [m('remedy-clock'), msg('common.then-activate', { cmd: CMD.ato })],
      },
    ];
  },
});
