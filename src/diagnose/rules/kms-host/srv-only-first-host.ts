// Table 2 row 7: only the first KMS host can create the SRV record.
import { evidenceOf, summarizeFact } from '../../evidence-refs.js';
import { kmsHosts } from '../../../evidence/fleet-queries.js';
import { openPublishFailures, publishSuccesses } from '../../host-dns.js';
import { defineRule } from '../../rule.js';
import { cappedList, LIST_EXAMPLES } from '../../../messages/index.js';
import type { KmsServiceFact } from '../../../decode/index.js';
import type { Fleet } from '../../../evidence/index.js';
import type { MachineView } from '../../../evidence/machine-view/index.js';

interface Publisher {
  v: MachineView;
  /** Its newest 12294. */
  f: KmsServiceFact;
}

// Per run: the hosts whose newest publishing succeeded, found once (each failing host would scan every host).
const publishing = new WeakMap<ReadonlyMap<string, MachineView>, Publisher[]>();

function publishersOf(views: ReadonlyMap<string, MachineView>, fleet: Fleet): Publisher[] {
  let found = publishing.get(views);
  if (!found) {
    found = [];
    for (const h of kmsHosts(fleet)) {
      const v = views.get(h.key);
      const f = v ? publishSuccesses(v).at(-1) : undefined;
      if (v && f) found.push({ v, f });
    }
    publishing.set(views, found);
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'kms-host/srv-only-first-host',
    severity: 'warning',
    description: 'Several KMS hosts are in the snapshot; one publishes (12294) while this one fails (12293): the first host owns the _VLMCS record and the others lack permission on it.',
    kb: ['event/12293', 'event/12294', 'procedure/publish-srv-record'],
    facts: ['kms-service'],
    seed: 'Table 2 row 7',
    messages: {
      title: { en: 'Only the first KMS host can publish the SRV record', ja: 'SRV リソース レコードを発行できるのは最初の KMS ホストだけ' },
      detail: {
        en: '{hosts} {n|publishes|publish} the SRV record, but this host cannot update it. The first host to create _VLMCS owns the record; other hosts need rights on it.',
        ja: '{hosts} ({n} 台) は SRV リソース レコードを発行していますが、このホストは更新できません。_VLMCS を最初に作成したホストがレコードの所有者となり、ほかのホストにはそのレコードに対する権限が必要です。',
      },
      evidence: { en: '{host}: {summary}', ja: '{host}: {summary}' },
      'remedy-rights': {
        en: 'In DNS, give every KMS host (for example a security group holding their computer accounts) Full Control on the _VLMCS record.',
        ja: 'DNS で、すべての KMS ホスト (たとえばそれらのコンピューター アカウントを含むセキュリティ グループ) に _VLMCS レコードのフル コントロールを与えます。',
      },
      'remedy-manual': {
        en: 'Or list the hosts in the record by hand and turn off publishing on the extra hosts (slmgr.vbs /cdns).',
        ja: 'または、ホストを手動でレコードに登録し、追加のホストでは発行を無効にします (slmgr.vbs /cdns)。',
      },
    },
  },
  check({ view, views, fleet }, m) {
    const failing = openPublishFailures(view);
    if (!failing.length) return [];
    // The other hosts that publish: a few named, all counted (every failing host asks, and there can be thousands).
    const all = publishersOf(views, fleet);
    const count = all.length - (publishSuccesses(view).length > 0 ? 1 : 0);
    if (count <= 0) return [];
    const publishers: Publisher[] = [];
    for (const p of all) {
      if (p.v.key === view.key) continue;
      publishers.push(p);
      if (publishers.length === LIST_EXAMPLES) break;
    }
    return [
      {
        detail: m('detail', { hosts: cappedList(publishers.map((p) => p.v.name), count), n: count }),
        evidence: [
          ...failing.map((f) => evidenceOf(f)),
          ...publishers.map((p) => evidenceOf(p.f, m('evidence', { host: p.v.name, summary: summarizeFact(p.f) }))),
        ],
        remedy: [m('remedy-rights'), m('remedy-manual')],
      },
    ];
  },
});
