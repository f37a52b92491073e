// The HTML overview's own wording in English and Japanese (the Markdown part has its own, in ../i18n.ts).
import type { ExpiryRange } from '../../fleet/types.js';
import type { Lang } from '../i18n.js';

export interface HtmlText {
  glance: string;
  tiles: { machines: string; licensed: string; expiringSoon: string; kmsHosts: string; errors: string };
  status: { caption: string; none: string; noStatus: string; note: string };
  expiry: { caption: string; none: string; ranges: Record<ExpiryRange, string> };
  findings: { caption: string; error: string; warning: string; info: string };
  kmsCount: { caption: string; none: string; noHost: string; note: string; unknown: string };
  requests: { caption: string; none: string; noEvents: string; answered: string; failed: string; perHost: (total: number, failed: number) => string };
  expiring: { title: string; head: [string, string, string, string, string]; more: (n: number) => string; ended: string };
  footer: (version: string, schema: number) => string;
}

const EN: HtmlText = {
  glance: 'At a glance',
  tiles: { machines: 'machines', licensed: 'licenses activated', expiringSoon: 'expired or expiring within 30 days', kmsHosts: 'KMS hosts', errors: 'error findings' },
  status: {
    caption: 'Licenses by status',
    none: 'The report holds no license status counts.',
    noStatus: 'No license status in the inputs (slmgr /dlv output or 8230 events give it).',
    note: 'A machine counts once per product.',
  },
  expiry: {
    caption: 'Activations and grace periods ending',
    none: 'The report holds no expiry ranges.',
    ranges: { expired: 'expired', '0-7d': 'within 7 days', '8-30d': '8–30 days', '31-60d': '31–60 days', '61-90d': '61–90 days', '>90d': 'after 90 days' },
  },
  findings: { caption: 'Findings by severity', error: 'errors', warning: 'warnings', info: 'info' },
  kmsCount: {
    caption: 'KMS host count against the 25 / 5 thresholds',
    none: 'The report holds no KMS host view.',
    noHost: 'No KMS host in the inputs.',
    note: 'Value: current count, and the count the host’s clients need where known.',
    unknown: 'unknown',
  },
  requests: {
    caption: 'KMS requests (12290) per day',
    none: 'The report holds no KMS host view.',
    noEvents: 'No 12290 events from a KMS host in the inputs.',
    answered: 'answered',
    failed: 'failed',
    perHost: (total, failed) => `${total} requests, ${failed} failed`,
  },
  expiring: {
    title: 'Expired or expiring within 30 days',
    head: ['Machine', 'Product', 'Status', 'Ends', 'Days left'],
    more: (n) => `${n} more in the JSON report.`,
    ended: 'ended',
  },
  footer: (version, schema) => `volact ${version} · report schema ${schema}`,
};

const JA: HtmlText = {
  glance: '概況',
  tiles: { machines: 'コンピューター', licensed: 'ライセンス認証済み', expiringSoon: '期限切れ・30 日以内に終了', kmsHosts: 'KMS ホスト', errors: 'エラーの検出事項' },
  status: {
    caption: 'ライセンスの状態別',
    none: 'レポートにライセンス状態の集計がありません。',
    noStatus: '入力にライセンス状態がありません (slmgr /dlv の出力か 8230 イベントが必要です)。',
    note: 'コンピューターは製品ごとに 1 と数えます。',
  },
  expiry: {
    caption: 'ライセンス認証・猶予期間の終了',
    none: 'レポートに期間別の集計がありません。',
    ranges: { expired: '期限切れ', '0-7d': '7 日以内', '8-30d': '8～30 日', '31-60d': '31～60 日', '61-90d': '61～90 日', '>90d': '90 日超' },
  },
  findings: { caption: '重要度別の検出事項', error: 'エラー', warning: '警告', info: '情報' },
  kmsCount: {
    caption: 'KMS ホストの現在の数としきい値 (25 / 5)',
    none: 'レポートに KMS ホストの集計がありません。',
    noHost: '入力に KMS ホストがありません。',
    note: '値: 現在の数と、分かる場合はクライアントが必要とする数。',
    unknown: '不明',
  },
  requests: {
    caption: '1 日あたりの KMS 要求 (12290)',
    none: 'レポートに KMS ホストの集計がありません。',
    noEvents: '入力に KMS ホストの 12290 イベントがありません。',
    answered: '応答済み',
    failed: '失敗',
    perHost: (total, failed) => `要求 ${total} 件、失敗 ${failed} 件`,
  },
  expiring: {
    title: '期限切れ・30 日以内に終了するもの',
    head: ['コンピューター', '製品', '状態', '終了', '残り日数'],
    more: (n) => `ほか ${n} 件は JSON レポートにあります。`,
    ended: '終了',
  },
  footer: (version, schema) => `volact ${version} · レポート スキーマ ${schema}`,
};

export const HTML_TEXT: Record<Lang, HtmlText> = { en: EN, ja: JA };
