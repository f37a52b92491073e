// Report wording in English and Japanese. Input values are never translated; only our own labels,
// the walk's questions and (from the knowledge base) finding titles are. Details and remedies stay in
// English: they carry commands and values that read the same in both.
import type { ExpiryRange } from '../fleet/index.js';
import type { Severity } from '../types.js';
import type { Worst } from './select.js';

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

export interface ReportText {
  title: string;
  generated: (at: string, version: string, now: string) => string;
  unknownNow: string;
  perMachineNow: (newest: string) => string;
  summary: string;
  inputs: string;
  inputsValue: (n: number, withRejections: number) => string;
  records: string;
  recordsValue: (read: number, decoded: number, ignored: number, rejected: number) => string;
  machines: string;
  findings: string;
  findingsValue: (errors: number, warnings: number, info: number) => string;
  noFindings: string;
  severityHead: string;
  machineHead: string;
  ruleHead: string;
  findingHead: string;
  fleetMachine: string;
  severity: Record<Severity, string>;
  roles: string;
  alsoSeenAs: string;
  license: string;
  minutesLeft: (minutes: number) => string;
  basis: Record<'slmgr' | '12288' | '8230', string>;
  until: (iso: string) => string;
  files: string;
  evidenceEnds: (utc: string) => string;
  walk: string;
  stepHead: string;
  evidenceHead: string;
  andMore: (n: number) => string;
  collect: string;
  record: string;
  line: string;
  event: string;
  evidence: string;
  moreEvidence: (n: number) => string;
  whatToDo: string;
  see: string;
  fleet: string;
  fleetFindings: string;
  statusView: string;
  statusHead: [string, string];
  rangeView: string;
  rangeHead: [string, string];
  ranges: Record<ExpiryRange, string>;
  soonView: string;
  soonHead: [string, string, string, string, string];
  productsView: string;
  productsHead: [string, string, string, string, string];
  hostsView: string;
  hostsHead: [string, string, string, string, string, string];
  noneLogged: string;
  from12290: string;
  duplicatesView: string;
  duplicatesHead: [string, string];
  unseenView: string;
  unseenHead: [string, string];
  absentClientsView: (host: string) => string;
  absentClientsHead: [string, string, string, string, string];
  moreRows: (n: number) => string;
  inputsHead: [string, string, string, string, string, string];
  rejectedRecords: string;
  moreRejected: (n: number) => string;
  warnings: string;
  unknownLines: string;
  verdict: (errors: number, warnings: number, machines: number) => string;
  machinesByWorst: string;
  worst: Record<Worst, string>;
  findingsByRule: string;
  findingsByRuleHead: [string, string, string, string, string];
  moreMachines: (n: number) => string;
  healthyMachines: string;
  otherMachines: string;
  compactHead: [string, string, string, string, string, string];
  compactOmitted: (n: number) => string;
  detailHint: string;
  otherInputs: (files: number, formats: string, records: number, decoded: number, ignored: number) => string;
  moreInputRows: (n: number) => string;
  summaryCut: (shown: number, machinesLeft: number) => string;
}

const EN: ReportText = {
  title: 'volact report',
  generated: (at, version, now) => `Generated ${at} by volact ${version}. “Now” is ${now}.`,
  unknownNow: 'unknown (no dated records)',
  perMachineNow: (newest) => `each machine's newest record (no --now; the newest of all is ${newest})`,
  summary: 'Summary',
  inputs: 'Inputs',
  inputsValue: (n, r) => `${n} (${r} with rejections)`,
  records: 'Records',
  recordsValue: (read, decoded, ignored, rejected) => `read ${read} · decoded ${decoded} · ignored ${ignored} · rejected ${rejected}`,
  machines: 'Machines',
  findings: 'Findings',
  findingsValue: (e, w, i) => `${e} errors · ${w} warnings · ${i} info`,
  noFindings: 'No findings.',
  severityHead: 'Severity',
  machineHead: 'Machine',
  ruleHead: 'Rule',
  findingHead: 'Finding',
  fleetMachine: 'fleet',
  severity: { error: '✘ error', warning: '⚠ warning', info: 'ℹ info' },
  roles: 'Roles',
  alsoSeenAs: 'Also seen as',
  license: 'License',
  minutesLeft: (m) => (m < 0 ? `ended ${-m} minutes ago` : `${m} minutes left`),
  basis: { slmgr: 'from slmgr', '12288': 'from the newest 12288', '8230': 'from 8230' },
  until: (iso) => `until ${iso}`,
  files: 'Files',
  evidenceEnds: (utc) => `Evidence ends ${utc}`,
  walk: 'Walk',
  stepHead: 'Step',
  evidenceHead: 'Evidence',
  andMore: (n) => `… and ${n} more`,
  collect: 'Collect',
  record: 'record',
  line: 'line',
  event: 'event',
  evidence: 'Evidence',
  moreEvidence: (n) => `… and ${n} more of the same kind (all of them are in the JSON report)`,
  whatToDo: 'What to do',
  see: 'See',
  fleet: 'Fleet',
  fleetFindings: 'Fleet-wide findings',
  statusView: 'Licenses by status (03A)',
  statusHead: ['Status', 'Licenses'],
  rangeView: 'Activations and grace periods ending, by time range (02A)',
  rangeHead: ['Ends', 'Licenses'],
  ranges: {
    expired: 'expired',
    '0-7d': 'within 7 days',
    '8-30d': '8–30 days',
    '31-60d': '31–60 days',
    '61-90d': '61–90 days',
    '>90d': 'more than 90 days',
  },
  soonView: 'Machines whose activation or grace period ends within 30 days (02B)',
  soonHead: ['Machine', 'Product', 'Status', 'Ends', 'Time left'],
  productsView: 'Products (04A)',
  productsHead: ['Edition', 'Family', 'Channel', 'Machines', 'Licensed'],
  hostsView: 'KMS hosts (05A)',
  hostsHead: ['Host', 'Current count', 'Needed', 'Clients seen', 'Last activity', 'DNS publishing'],
  noneLogged: 'none logged',
  from12290: 'from 12290',
  duplicatesView: 'CMIDs shared by several machines',
  duplicatesHead: ['CMID', 'Machines'],
  unseenView: 'KMS clients their host never logged',
  unseenHead: ['Client', 'KMS host'],
  absentClientsView: (host) => `Clients ${host} logged that the snapshot lacks`,
  absentClientsHead: ['Client (as sent)', 'CMID', 'Last request', 'Last result', 'Requests'],
  moreRows: (n) => `${n} more rows in the JSON report.`,
  inputsHead: ['File', 'Format', 'Records', 'Decoded', 'Ignored', 'Rejected'],
  rejectedRecords: 'Rejected records',
  moreRejected: (n) => `${n} more (the JSON report lists the first 1000 and counts the rest)`,
  warnings: 'Damage that cost no record',
  unknownLines: 'Lines volact did not understand',
  verdict: (e, w, n) =>
    e + w === 0 ? `✔ None of the ${n} machines has a warning or an error.` : `✘ ${e + w} of ${n} machines need attention: ${e} with errors, ${w} with warnings only.`,
  machinesByWorst: 'Machines by worst finding',
  worst: { error: '✘ error', warning: '⚠ warning', info: 'ℹ info only', none: 'no finding' },
  findingsByRule: 'Findings by rule',
  findingsByRuleHead: ['Severity', 'Rule', 'Finding', 'Machines', 'Where'],
  moreMachines: (n) => `and ${n} more`,
  healthyMachines: 'Machines without warnings or errors',
  otherMachines: 'Machines without a detail section',
  compactHead: ['Machine', 'Roles', 'Product', 'License status', 'Expires', 'Worst finding'],
  compactOmitted: (n) => `${n} machines are not listed one by one; the JSON report (-f json) has a summary of each, and “--machines all” or “--show-machine NAME” shows them in full.`,
  detailHint: 'Machines with a warning or an error are shown in full; “--machines all” shows every machine, “--show-machine NAME” the machines named.',
  otherInputs: (files, formats, records, decoded, ignored) =>
    `${files} files without rejections or warnings (${formats}): read ${records} · decoded ${decoded} · ignored ${ignored}. The JSON report lists each one.`,
  moreInputRows: (n) => `${n} more files with rejections or warnings are in the JSON report.`,
  summaryCut: (shown, left) =>
    `The summary stops here: GitHub shows at most 1 MiB of a job summary. ${shown} machine sections are above, ${left} more are in the full report: run the same check with “--reporter md -o report.md” (or “--reporter json -o report.json”) and keep the file as a build artifact.`,
};

const JA: ReportText = {
  title: 'volact レポート',
  generated: (at, version, now) => `${at} に volact ${version} で作成。基準時刻 (“now”) は ${now}。`,
  unknownNow: '不明 (日時のあるレコードなし)',
  perMachineNow: (newest) => `各コンピューターの最新レコードの時刻 (--now なし。全体の最新は ${newest})`,
  summary: '概要',
  inputs: '入力',
  inputsValue: (n, r) => `${n} 件 (拒否を含むもの ${r} 件)`,
  records: 'レコード',
  recordsValue: (read, decoded, ignored, rejected) => `読み取り ${read} · 解析 ${decoded} · 対象外 ${ignored} · 拒否 ${rejected}`,
  machines: 'コンピューター',
  findings: '検出事項',
  findingsValue: (e, w, i) => `エラー ${e} · 警告 ${w} · 情報 ${i}`,
  noFindings: '検出事項はありません。',
  severityHead: '重要度',
  machineHead: 'コンピューター',
  ruleHead: 'ルール',
  findingHead: '検出事項',
  fleetMachine: '全体',
  severity: { error: '✘ エラー', warning: '⚠ 警告', info: 'ℹ 情報' },
  roles: '役割',
  alsoSeenAs: '別名',
  license: 'ライセンス',
  minutesLeft: (m) => (m < 0 ? `${-m} 分前に終了` : `残り ${m} 分`),
  basis: { slmgr: 'slmgr による', '12288': '最新の 12288 による', '8230': '8230 による' },
  until: (iso) => `${iso} まで`,
  files: 'ファイル',
  evidenceEnds: (utc) => `証跡の終わり ${utc}`,
  walk: 'トラブルシューティングの手順',
  stepHead: '確認項目',
  evidenceHead: '根拠',
  andMore: (n) => `… ほか ${n} 件`,
  collect: '収集するもの',
  record: 'レコード',
  line: '行',
  event: 'イベント',
  evidence: '根拠',
  moreEvidence: (n) => `… ほか同種 ${n} 件 (すべて JSON レポートにあります)`,
  whatToDo: '対処',
  see: '参照',
  fleet: '全体',
  fleetFindings: '全体の検出事項',
  statusView: 'ライセンスの状態別の数 (03A)',
  statusHead: ['状態', 'ライセンス数'],
  rangeView: '期間別のライセンス認証・猶予期間の終了 (02A)',
  rangeHead: ['終了', 'ライセンス数'],
  ranges: {
    expired: '期限切れ',
    '0-7d': '7 日以内',
    '8-30d': '8～30 日',
    '31-60d': '31～60 日',
    '61-90d': '61～90 日',
    '>90d': '90 日超',
  },
  soonView: 'ライセンス認証または猶予期間が 30 日以内に終わるコンピューター (02B)',
  soonHead: ['コンピューター', '製品', '状態', '終了', '残り'],
  productsView: '製品 (04A)',
  productsHead: ['エディション', 'ファミリ', 'チャネル', 'コンピューター数', 'ライセンス済み'],
  hostsView: 'KMS ホスト (05A)',
  hostsHead: ['ホスト', '現在の数', '必要数', '確認したクライアント', '最終アクティビティ', 'DNS 発行'],
  noneLogged: '記録なし',
  from12290: '12290 から算出',
  duplicatesView: '複数のコンピューターで重複している CMID',
  duplicatesHead: ['CMID', 'コンピューター'],
  unseenView: 'ホストに記録されていない KMS クライアント',
  unseenHead: ['クライアント', 'KMS ホスト'],
  absentClientsView: (host) => `${host} が記録したがスナップショットにないクライアント`,
  absentClientsHead: ['クライアント (送信された名前)', 'CMID', '最後の要求', '最後の結果', '要求数'],
  moreRows: (n) => `ほか ${n} 行は JSON レポートにあります。`,
  inputsHead: ['ファイル', '形式', 'レコード', '解析', '対象外', '拒否'],
  rejectedRecords: '拒否したレコード',
  moreRejected: (n) => `ほか ${n} 件 (JSON レポートには最初の 1000 件と総数があります)`,
  warnings: 'レコードを失わなかった破損',
  unknownLines: 'volact が解釈できなかった行',
  verdict: (e, w, n) =>
    e + w === 0 ? `✔ ${n} 台のコンピューターに警告・エラーはありません。` : `✘ ${n} 台中 ${e + w} 台に対応が必要です: エラー ${e} 台、警告のみ ${w} 台。`,
  machinesByWorst: '最も重い検出事項別のコンピューター',
  worst: { error: '✘ エラー', warning: '⚠ 警告', info: 'ℹ 情報のみ', none: '検出事項なし' },
  findingsByRule: 'ルール別の検出事項',
  findingsByRuleHead: ['重要度', 'ルール', '検出事項', 'コンピューター数', '対象'],
  moreMachines: (n) => `ほか ${n} 台`,
  healthyMachines: '警告・エラーのないコンピューター',
  otherMachines: '詳細を示していないコンピューター',
  compactHead: ['コンピューター', '役割', '製品', 'ライセンスの状態', '期限', '最も重い検出事項'],
  compactOmitted: (n) => `${n} 台は一覧にしていません。JSON レポート (-f json) に各台の概要があり、「--machines all」または「--show-machine 名前」で詳細を表示できます。`,
  detailHint: '警告またはエラーのあるコンピューターは詳細を示します。「--machines all」ですべて、「--show-machine 名前」で指定したものも表示します。',
  otherInputs: (files, formats, records, decoded, ignored) =>
    `拒否・警告のないファイル ${files} 件 (${formats}): 読み取り ${records} · 解析 ${decoded} · 対象外 ${ignored}。JSON レポートに各ファイルがあります。`,
  moreInputRows: (n) => `拒否・警告のあるファイルほか ${n} 件は JSON レポートにあります。`,
  summaryCut: (shown, left) =>
    `概要はここまでです (GitHub のジョブ概要は 1 MiB まで)。上に ${shown} 台の詳細があり、ほか ${left} 台は完全なレポートにあります: 同じチェックを「--reporter md -o report.md」(または「--reporter json -o report.json」) で実行し、ファイルをビルド成果物として保存してください。`,
};

export const REPORT_TEXT: Record<Lang, ReportText> = { en: EN, ja: JA };

/** The walk's questions in Japanese, by step id (src/diagnose/walk). */
export const STEP_QUESTIONS_JA: Readonly<Record<string, string>> = {
  'kms-client/activated': 'KMS クライアントはライセンス認証されていますか?',
  'kms-client/threshold': 'KMS ライセンス認証のしきい値 (クライアント OS は 25、サーバーは 5) に達していますか?',
  'kms-client/response-result': 'イベント 12289 の結果コードは 0 ですか?',
  'kms-client/host-and-port': '12288 の KMS ホスト名とポートは正しいですか?',
  'kms-client/dns-discovery': 'クライアントは KMS ホストを見つけられますか (DNS SRV _vlmcs._tcp または設定された名前)?',
  'kms-client/host-reachable': 'KMS ホストのポートに接続できますか (TCP テスト、または 12288 ごとに 12289 が返っていますか)?',
  'kms-client/host-logged-request': 'KMS ホストはこのクライアントの 12290 を記録しましたか?',
  'kms-client/time-skew': 'クライアントとホストの時刻の差は 4 時間以内ですか?',
  'kms-client/volume-key': 'ホストはボリューム ライセンス キーを受け付けますか (0xC004F035 なし、BIOS の Windows マーカーあり)?',
  'kms-client/counted': 'クライアントは KMS のカウントに追加されていますか (固有の CMID)?',
  'kms-client/failover': 'クライアントは DNS でホストを見つけていますか (フェールオーバーできますか)?',
  'kms-client/expiry': 'ライセンス認証の 180 日の期限まで十分ありますか (更新は機能していますか)?',
  'kms-host/activated': 'KMS ホスト自身のキー (CSVLK) はライセンス認証されていますか?',
  'kms-host/service': 'キー管理サービスは動作していますか (12291/12292 なし)?',
  'kms-host/dns-publish': 'ホストは SRV レコードを発行していますか (12294 あり、12293 なし)?',
  'kms-host/count': 'ホストの現在の数はクライアントが必要とする数以上ですか?',
  'kms-host/unique-cmids': 'すべてのクライアントが固有の CMID を持っていますか (カウントに追加されていますか)?',
  'kms-host/activity': 'ホストは最近要求を記録していますか (8 時間以上アクティビティなしでないか)?',
  'kms-host/key-placement': 'KMS ホスト キーはホスト用のエディションにインストールされていますか (クライアント OS ではないか)?',
  'kms-host/log-intact': 'Key Management Service ログは消去されずに残っていますか?',
  'mak/activated': 'コンピューターはライセンス認証されていますか?',
  'mak/online-activation': 'インターネット経由のライセンス認証は Microsoft に到達していますか (ポート、プロキシ)?',
  'mak/key-usable': 'キーは使用可能ですか (認証回数が残っており、ブロックされていない)?',
  'mak/ato-error': 'slmgr.vbs /ato はエラー コードを返しましたか?',
  'genuine/non-genuine': 'Windows は正規品ですか (8209 なし)?',
  'license/state': 'すべての製品が通知状態・猶予期間を抜けていますか?',
  'error/codes-explained': 'すべてのエラー コードに説明がありますか?',
};
