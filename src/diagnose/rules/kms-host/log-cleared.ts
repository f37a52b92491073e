// Backup section: the Key Management Service log is the record of activations; clearing it loses history.
//
// Holes are looked for in every record the export held (the reader's record ledger), not only in the 12290s
// volact decodes: a record of another provider or id in the same channel fills its place. An export filtered
// at the source (wevtutil qe /q:"…EventID=12290…", Event Viewer "Save Filtered Log File As") has holes
// wherever the log's other records were; those say nothing.
import type { KmsHostRequestFact } from '../../../decode/index.js';
import { holesOf, type RecordSpan } from '../../../evidence/index.js';
import { evidenceAt, evidenceOf } from '../../evidence-refs.js';
import { firstIndex } from '../../../evidence/search.js';
import { defineRule, messenger, type RuleHit, type RuleMessages } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';

const messages = {
  title: { en: 'Key Management Service log was cleared or has holes', ja: '"Key Management Service" ログが消去された、または欠落がある' },
  'hole-one': {
    en: 'record {first} is missing before record {next}{before? ({before} – {after})}',
    ja: 'レコード {next} の前のレコード {first} が欠落しています{before? ({before} – {after})}',
  },
  hole: {
    en: 'records {first}–{last} ({count}) are missing before record {next}{before? ({before} – {after})}',
    ja: 'レコード {next} の前のレコード {first}～{last} ({count} 件) が欠落しています{before? ({before} – {after})}',
  },
  'title-holes': { en: 'Holes in the exported Key Management Service records', ja: 'エクスポートされた "Key Management Service" のレコードに欠落がある' },
  'detail-holes': {
    en: 'The export holds only 12290 records and their record ids have holes. If the export was filtered (wevtutil qe with /q, Event Viewer "Save Filtered Log File As"), the holes are the log\'s other records and say nothing; if it is the whole log, records were lost. An export of the whole log tells the two apart.',
    ja: 'エクスポートには 12290 のレコードしかなく、レコード ID に欠落があります。フィルターしてエクスポートした場合 (wevtutil qe の /q、イベント ビューアーの「フィルターされたログ ファイルを名前を付けて保存」)、欠落はログのほかのレコードであり問題ありません。ログ全体のエクスポートなら、レコードが失われています。ログ全体をエクスポートすれば見分けられます。',
  },
  'remedy-whole': { en: 'Export the whole log, unfiltered, and analyze it again: {cmd}', ja: 'フィルターせずにログ全体をエクスポートし、もう一度分析します: {cmd}' },
  detail: {
    en: 'The Key Management Service log is the only record of which clients this host activated. Part of it is gone, so counts and audits from it are incomplete.',
    ja: '"Key Management Service" ログは、このホストがどのクライアントをライセンス認証したかを示す唯一の記録です。その一部が失われているため、そこから求めたカウントや監査は不完全です。',
  },
  'remedy-export': {
    en: 'Export the log on a schedule before anything clears it: {cmd}',
    ja: '消去される前に、定期的にログをエクスポートします: {cmd}',
  },
  'remedy-exclude': {
    en: 'Exclude the Key Management Service log from clean-up tools, or collect it centrally (Operations Manager keeps it in its data warehouse).',
    ja: '"Key Management Service" ログをクリーンアップ ツールの対象から外すか、集中的に収集します (Operations Manager ならデータ ウェアハウスに保存されます)。',
  },
} as const satisfies RuleMessages;
const m = messenger('kms-host/log-cleared', messages);

const KMS_CHANNEL = 'Key Management Service'.toLowerCase();
/**
 * A filtered export of the KMS log shows the log's other records (12293/12294 DNS publishing, service
 * starts) as short holes between 12290s. Several holes, none longer than this, read as that pattern.
 */
const FILTER_HOLE_MAX = 5;
const FILTER_HOLES_MIN = 2;
const WHOLE_LOG_EXPORT = 'wevtutil epl "Key Management Service" kms.evtx';

type Export = 'whole-log' | 'filtered' | 'unknown';

interface LogHoles {
  span: RecordSpan;
  holes: Array<[number, number]>;
  kind: Export;
  evidence: EvidenceRef[];
}

/** The spans of the host's files that are its Key Management Service log, with their holes. */
function kmsLogHoles(records: readonly RecordSpan[], entries: readonly KmsHostRequestFact[]): LogHoles[] {
  const byFile = new Map<string, KmsHostRequestFact[]>();
  for (const e of entries) {
    if (e.source.record === undefined) continue;
    const list = byFile.get(e.source.file);
    if (list) list.push(e);
    else byFile.set(e.source.file, [e]);
  }
  const out: LogHoles[] = [];
  for (const span of records) {
    const logged = byFile.get(span.file) ?? [];
    const isKmsLog = span.channel.toLowerCase() === KMS_CHANNEL || (span.channel === '' && logged.length > 0);
    if (!isKmsLog || span.idRuns.length < 2) continue;
    const holes = holesOf(span.idRuns);
    // Only 12290s in the export: it may have been filtered to that id, and then holes are the log's other records.
    const only12290 = span.records <= logged.length;
    const kind: Export = !only12290 ? 'whole-log' : holes.length >= FILTER_HOLES_MIN && holes.every(([a, b]) => b - a + 1 <= FILTER_HOLE_MAX) ? 'filtered' : 'unknown';
    // A filtered export says nothing: its holes are not cited, so they are not looked up either.
    const evidence = kind === 'filtered' ? [] : holeEvidence(span, holes, logged);
    out.push({ span, holes, kind, evidence });
  }
  return out;
}

/**
 * Points at the record after each hole, with the times of the 12290s around it when the export has them. The
 * 12290s are sorted by record once and each hole finds its neighbours by binary search: a log can have as many
 * holes as records.
 */
function holeEvidence(span: RecordSpan, holes: ReadonlyArray<[number, number]>, logged: readonly KmsHostRequestFact[]): EvidenceRef[] {
  const byRecord = [...logged].sort((a, b) => (a.source.record ?? 0) - (b.source.record ?? 0));
  const recordOf = (i: number): number => byRecord[i].source.record ?? 0;
  /** Index of the first 12290 whose record is above `id`. */
  const firstAbove = (id: number): number => firstIndex(byRecord.length, (i) => recordOf(i) > id);
  return holes.map(([first, last]) => {
    // The nearest 12290 below the hole (the first of equal records, as a scan would keep) and above it.
    const below = firstAbove(first - 1) - 1;
    const before = below >= 0 ? byRecord[firstAbove(recordOf(below) - 1)] : undefined;
    const above = firstAbove(last);
    const after = above < byRecord.length ? byRecord[above] : undefined;
    const count = last - first + 1;
    const summary =
      first === last
        ? m('hole-one', { first, next: last + 1, before: before && after ? before.time : undefined, after: after?.time })
        : m('hole', { first, last, count, next: last + 1, before: before && after ? before.time : undefined, after: after?.time });
    if (after && after.source.record === last + 1) return evidenceOf(after, summary);
    return evidenceAt({ file: span.file, record: last + 1 }, summary);
  });
}

export default defineRule({
  meta: {
    id: 'kms-host/log-cleared',
    severity: 'warning',
    description: 'System event 104 says the Key Management Service log was cleared, or record ids in a whole-log export jump (every record counts, not only 12290s): activation history was lost. Holes in an export that holds only 12290s may come from filtering it; a filtered export is recognised by its pattern and says nothing.',
    kb: ['procedure/backup-kms-log', 'event/104', 'procedure/export-logs'],
    facts: ['log-cleared', 'kms-host-request'],
    seed: 'backup section',
    messages,
  },
  check({ view }) {
    const cleared = view
      .facts('log-cleared')
      .filter((f) => f.kmsLog)
      .map((f) => evidenceOf(f));
    const logs = kmsLogHoles(view.machine.records, view.facts('kms-host-request'));
    const lost = logs.filter((l) => l.kind === 'whole-log').flatMap((l) => l.evidence);
    const unclear = logs.filter((l) => l.kind === 'unknown').flatMap((l) => l.evidence);
    const hits: RuleHit[] = [];
    if (cleared.length || lost.length) {
      hits.push({
        detail: m('detail'),
        evidence: [...cleared, ...lost],
        remedy: [
          m('remedy-export', { cmd: 'wevtutil epl "Key Management Service" kms-%DATE%.evtx' }),
          m('remedy-exclude'),
        ],
      });
    }
    if (unclear.length) {
      hits.push({
        title: m('title-holes'),
        detail: m('detail-holes'),
        evidence: unclear,
        remedy: [m('remedy-whole', { cmd: WHOLE_LOG_EXPORT })],
      });
    }
    return hits;
  },
});
