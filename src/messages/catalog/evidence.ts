// One-line accounts of facts (src/diagnose/evidence-refs.ts): the values a support engineer checks, named.
// One flat message per kind of fact: evidence lists can cite tens of thousands of records.
import type { MessageText } from '../types.js';

export const EVIDENCE = {
  'evidence.kms-request': {
    en: '12288 result {result:code}, KMS host {host}, CMID {cmid}{stateName?, license state {state} ({stateName})}{required?, required count {required}}{flags?, flags {flags}}',
    ja: '12288 の結果 {result:code}、KMS ホスト {host}、CMID {cmid}{stateName?、ライセンスの状態 {state} ({stateName})}{required?、必要数 {required}}{flags?、フラグ {flags}}',
  },
  'evidence.kms-response': {
    en: '12289 result {result:code}, activated {activated}{count?, current count {count}}{flags?, flags {flags}}',
    ja: '12289 の結果 {result:code}、ライセンス認証 {activated}{count?、現在の数 {count}}{flags?、フラグ {flags}}',
  },
  'evidence.kms-host-request': {
    en: '12290 result {result:code}, client {client}, CMID {cmid}, required count {required}{clientTime?, client time {clientTime}}',
    ja: '12290 の結果 {result:code}、クライアント {client}、CMID {cmid}、必要数 {required}{clientTime?、クライアント時刻 {clientTime}}',
  },
  'evidence.kms-service': {
    en: '{event} {what}{result?, result {result:code}}{domain?, domain {domain}}',
    ja: '{event} {what}{result?、結果 {result:code}}{domain?、ドメイン {domain}}',
  },
  'evidence.online-failed': { en: '{event} online activation failed, result {result:code}', ja: '{event} オンラインのライセンス認証に失敗、結果 {result:code}' },
  'evidence.non-genuine': { en: '8209 non-genuine, reason {reason}{app?, application {app}}', ja: '8209 正規品ではない、理由 {reason}{app?、アプリケーション {app}}' },
  'evidence.8230': {
    en: '8230 LicenseState={state}, ProductKeyType={keyType}{key?, partial key {key}}',
    ja: '8230 LicenseState={state}、ProductKeyType={keyType}{key?、部分プロダクト キー {key}}',
  },
  'evidence.service-info': { en: '{event?{event} }{what}{result?, result {result:code}}', ja: '{event?{event} }{what}{result?、結果 {result:code}}' },
  'evidence.log-cleared': { en: '104 log cleared: {channel}{user? by {user}}', ja: '104 ログの消去: {channel}{user? (実行者 {user})}' },
  'evidence.license': { en: 'slmgr: {name} ({channel}), license status {status}', ja: 'slmgr: {name} ({channel})、ライセンスの状態 {status}' },
  'evidence.slmgr-error': { en: 'slmgr: {text}', ja: 'slmgr: {text}' },
  'evidence.tool-license': {
    en: '{tool}: {name} ({channel}), license status {status}{reason?, reason {reason:code}}',
    ja: '{tool}: {name} ({channel})、ライセンスの状態 {status}{reason?、理由 {reason:code}}',
  },
  'evidence.tool-error': { en: '{tool}{command? {command}}: error {code:code}{text? {text}}', ja: '{tool}{command? {command}}: エラー {code:code}{text? {text}}' },
  'evidence.licensing-service': {
    en: '{tool}: licensing service{cmid?, CMID {cmid}}{count?, KMS current count {count}}{port?, listening port {port}}',
    ja: '{tool}: ライセンス サービス{cmid?、CMID {cmid}}{count?、KMS の現在の数 {count}}{port?、待ち受けポート {port}}',
  },
  'evidence.ato': { en: 'slmgr /ato: {name?{name}: }{text}', ja: 'slmgr /ato: {name?{name}: }{text}' },
  'evidence.slui-error': { en: 'slui 0x2a: {code:code}{text? {text}}', ja: 'slui 0x2a: {code:code}{text? {text}}' },
  'evidence.settings': {
    en: 'Settings > Activation: {name}{status?, {status}}{key?, product key ending {key}}',
    ja: '設定 > ライセンス認証: {name}{status?、{status}}{key?、プロダクト キーの末尾 {key}}',
  },
  'evidence.settings-error': {
    en: 'Settings > Activation: error code {code:code}{text? ({text})}',
    ja: '設定 > ライセンス認証: エラー コード {code:code}{text? ({text})}',
  },
  'evidence.key-installed': {
    en: 'slmgr /ipk: product key ending {key} installed{gvlk?, the KMS client setup key of {gvlk}}',
    ja: 'slmgr /ipk: 末尾 {key} のプロダクト キーをインストール{gvlk?、{gvlk} の KMS クライアント セットアップ キー}',
  },
  'evidence.kms-host-set': { en: 'slmgr /skms: KMS host set to {host}{port?:{port}}', ja: 'slmgr /skms: KMS ホストを {host}{port?:{port}} に設定' },
  'evidence.ip-config': {
    en: 'ipconfig /all{host? ({host})}: primary DNS suffix {suffix}{search?, DNS suffix search list {search}}',
    ja: 'ipconfig /all{host? ({host})}: プライマリ DNS サフィックス {suffix}{search?、DNS サフィックス検索一覧 {search}}',
  },
  'evidence.ip-config.no-suffix': { en: '(none)', ja: '(なし)' },
  'evidence.srv-lookup': {
    en: '{tool} SRV {query}{server? via {server}{address? ({address})}}: {result}',
    ja: '{tool} SRV {query}{server? ({server}{address? ({address})} 経由)}: {result}',
  },
  'evidence.srv-query-unknown': { en: '(query not shown)', ja: '(問い合わせ名の表示なし)' },
  'evidence.srv-record': { en: '{target}:{port} (priority {priority}, weight {weight})', ja: '{target}:{port} (優先度 {priority}、重み {weight})' },
  'evidence.srv-failed': { en: '{outcome}{detail? ({detail})}', ja: '{outcome}{detail? ({detail})}' },
  // DNS and port outcomes: English keeps the outcome's own id, as the summaries always printed it.
  'evidence.dns.name-error': { en: 'name-error', ja: '名前が存在しない' },
  'evidence.dns.no-records': { en: 'no-records', ja: 'レコードなし' },
  'evidence.dns.timeout': { en: 'timeout', ja: 'タイムアウト' },
  'evidence.dns.server-failure': { en: 'server-failure', ja: 'サーバー エラー' },
  'evidence.dns.refused': { en: 'refused', ja: '拒否' },
  'evidence.dns.error': { en: 'error', ja: 'エラー' },
  'evidence.dns.answer': { en: 'answer', ja: '応答あり' },
  'evidence.port-check': {
    en: '{tool}: TCP {host}{address? ({address})}:{port} {outcome}{detail? ({detail})}',
    ja: '{tool}: TCP {host}{address? ({address})}:{port} {outcome}{detail? ({detail})}',
  },
  'evidence.port.open': { en: 'open', ja: '接続可能' },
  'evidence.port.refused': { en: 'refused', ja: '接続拒否' },
  'evidence.port.timeout': { en: 'timeout', ja: 'タイムアウト' },
  'evidence.port.unreachable': { en: 'unreachable', ja: '到達不能' },
  'evidence.port.name-not-resolved': { en: 'name-not-resolved', ja: '名前を解決できない' },
  'evidence.port.failed': { en: 'failed', ja: '失敗' },
} as const satisfies Record<string, MessageText>;
