// What diagnose says outside any one rule: the engine (a rule that failed, a finding on a stale machine) and
// the KMS host count shared by a rule and the walk (src/diagnose/host-count.ts). Each rule's own words sit in
// its file (src/diagnose/rules), beside its meta.
import type { MessageText } from '../types.js';

export const DIAGNOSE = {
  'host-count.asking': { en: '12290 from {client} asks for required count {required}', ja: '{client} からの 12290 が必要数 {required} を要求' },
  'host-count.asking-any': { en: '{client} asks this host for required count {required}', ja: '{client} がこのホストに必要数 {required} を要求' },
  'host-count.slmgr': { en: 'slmgr: KMS current count {count}', ja: 'slmgr: KMS の現在の数 {count}' },
  'host-count.stated': { en: '{tool}: KMS current count {count} ({product})', ja: '{tool}: KMS の現在の数 {count} ({product})' },
  'host-count.from-log': {
    en: '{count|# distinct CMID|# distinct CMIDs} in {n|# 12290 record|# 12290 records} from {first} to {last}',
    ja: '{first} から {last} までの 12290 {n} 件に、異なる CMID が {count} 個',
  },
  'host-count.refused': {
    en: 'the host answered 0xC004F038 (count too low) {n|once|# times}; last: {summary}',
    ja: 'ホストは 0xC004F038 (カウント不足) を {n} 回返しました。最後: {summary}',
  },

  'input/stale-export.extrapolated': {
    en: "This machine's evidence ends {end}, {gap} before --now: this extrapolates from that date (input/stale-export).",
    ja: 'このコンピューターの根拠は {end} で終わっており、--now より {gap} 前です。この検出事項はその日時からの推定です (input/stale-export)。',
  },

  'volact/internal-error.title': { en: 'Rule {rule} failed on this machine', ja: 'ルール {rule} がこのコンピューターで失敗した' },
  'volact/internal-error.detail': {
    en: 'The rule {rule} stopped with an error ({message}); its result for this machine is missing. The other rules ran.',
    ja: 'ルール {rule} はエラー ({message}) で停止したため、このコンピューターに対する結果がありません。ほかのルールは実行されました。',
  },
  'volact/internal-error.remedy': {
    en: 'Report this as a volact bug, with the exports that triggered it.',
    ja: 'volact の不具合として、発生のきっかけとなったエクスポートを添えて報告してください。',
  },
} as const satisfies Record<string, MessageText>;
