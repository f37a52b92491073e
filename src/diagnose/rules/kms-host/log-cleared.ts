// Backup section: the Key Management Service log is the record of activations; clearing it loses history.
import type { KmsHostRequestFact } from '../../../decode/index.js';
import { evidenceOf } from '../../evidence.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { msg } from '../../../messages/index.js';

/**
 * Holes in the record ids of one file's 12290s. The Key Management Service log holds 12290s and
 * little else, so a run of missing ids is history that was cleared or lost.
 */
function recordGaps(entries: readonly KmsHostRequestFact[]): EvidenceRef[] {
  const byFile = new Map<string, KmsHostRequestFact[]>();
  for (const e of entries) {
    if (e.source.record === undefined) continue;
    const list = byFile.get(e.source.file);
    if (list) list.push(e);
    else byFile.set(e.source.file, [e]);
  }
  const out: EvidenceRef[] = [];
  for (const list of byFile.values()) {
    const byRecord = [...list].sort((a, b) => (a.source.record ?? 0) - (b.source.record ?? 0));
    for (let i = 1; i < byRecord.length; i++) {
      const prev = byRecord[i - 1].source.record ?? 0;
      const cur = byRecord[i].source.record ?? 0;
      if (cur > prev + 1) {
        out.push(evidenceOf(byRecord[i], msg('kms-host/log-cleared.gap', { from: prev + 1, to: cur - 1, record: cur, before: byRecord[i - 1].time, after: byRecord[i].time })));
      }
    }
  }
  return out;
}

export default defineRule(
  {
    id: 'kms-host/log-cleared',
    severity: 'warning',
    description: 'System event 104 says the Key Management Service log was cleared, or record ids in its 12290s jump: activation history was lost.',
    kb: ['procedure/backup-kms-log', 'event/104'],
    facts: ['log-cleared', 'kms-host-request'],
    seed: 'backup section',
  },
  ({ view }) => {
    const evidence = view
      .facts('log-cleared')
      .filter((f) => f.kmsLog)
      .map((f) => evidenceOf(f));
    evidence.push(...recordGaps(view.facts('kms-host-request')));
    if (!evidence.length) return [];
    return [
      {
        detail: msg('kms-host/log-cleared.detail'),
        evidence,
        remedy: [
          msg('kms-host/log-cleared.remedy-export', { cmd: 'wevtutil epl "Key Management Service" kms-%DATE%.evtx' }),
          msg('kms-host/log-cleared.remedy-exclude'),
        ],
      },
    ];
  },
);
