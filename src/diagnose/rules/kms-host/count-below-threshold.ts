// Table 2 row 2; MP alert: the host's own count is below what its clients need.
import { evidenceOf } from '../../evidence.js';
import { hostLog } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { DAY, formatUtc, toMs } from '../../time.js';
import type { EvidenceRef } from '../../../types.js';

/** The host counts distinct CMIDs seen over the last 30 days. */
const COUNT_WINDOW = 30 * DAY;

export default defineRule(
  {
    id: 'kms-host/count-below-threshold',
    severity: 'error',
    title: 'KMS host count is below what its clients need',
    description: "The host's current count (slmgr, or distinct CMIDs in 12290 over the last 30 days) is below 25 when any client asks with a required count of 25 (client OS), else below 5.",
    kb: ['kms-client/count-below-threshold', 'kms-host/duplicate-cmid', 'event/12290', 'procedure/read-slmgr-dli-dlv'],
    facts: ['kms-host-request', 'license'],
    seed: 'Table 2 row 2; MP alert',
  },
  ({ view, fleet, now }) => {
    if (!view.hasRole('kms-host')) return [];
    const recent = hostLog(fleet, view.key).filter((e) => (toMs(e.time) ?? now) >= now - COUNT_WINDOW);
    const need = recent.some((e) => e.requiredCount >= 25) ? 25 : 5;
    const slmgr = view.licenses().find((l) => l.kmsHost?.currentCount !== undefined);
    const evidence: EvidenceRef[] = [];
    let count: number;
    if (slmgr?.kmsHost?.currentCount !== undefined) {
      count = slmgr.kmsHost.currentCount;
      evidence.push(evidenceOf(slmgr, `slmgr: KMS current count ${count}`));
    } else if (recent.length) {
      count = new Set(recent.map((e) => e.cmid.toLowerCase())).size;
      evidence.push(
        evidenceOf(recent[recent.length - 1], `${count} distinct CMIDs in ${recent.length} 12290 records from ${formatUtc(toMs(recent[0].time) ?? now)} to ${formatUtc(toMs(recent[recent.length - 1].time) ?? now)}`),
      );
    } else return [];
    if (count >= need) return [];
    const asking = recent.find((e) => e.requiredCount === need);
    if (asking) evidence.push(evidenceOf(asking, `12290 from ${asking.clientName} asks for required count ${asking.requiredCount}`));
    return [
      {
        title: `KMS host count ${count} is below ${need}`,
        detail: `The host has counted ${count} distinct client${count === 1 ? '' : 's'}; ${need === 25 ? 'Windows client editions need 25' : 'servers and Office need 5'}. Until then it answers 0xC004F038 and clients stay unactivated.`,
        evidence,
        remedy: [
          'Let more distinct machines request activation; the count only includes unique CMIDs from the last 30 days.',
          `If clones share CMIDs, reset them (${CMD.rearm}, or ${CMD.sysprep} on the image).`,
          `Watch "Current count" on the host: ${CMD.dli}`,
        ],
      },
    ];
  },
);
