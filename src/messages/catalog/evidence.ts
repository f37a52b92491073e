// One-line accounts of facts (src/diagnose/evidence.ts): the values a support engineer checks, named.
import type { MessageText } from '../types.js';

export const EVIDENCE = {
  /** Parts of a summary, joined as a list. */
  'evidence.parts': { en: '{parts}', ja: '{parts}' },
  'evidence.result': { en: '{event} result {code}', ja: '{event} の結果 {code}' },
  'evidence.kms-host': { en: 'KMS host {host}', ja: 'KMS ホスト {host}' },
  'evidence.cmid': { en: 'CMID {cmid}', ja: 'CMID {cmid}' },
  'evidence.license-state': { en: 'license state {state} ({name})', ja: 'ライセンスの状態 {state} ({name})' },
  'evidence.required-count': { en: 'required count {count}', ja: '必要数 {count}' },
  'evidence.flags': { en: 'flags {flags}', ja: 'フラグ {flags}' },
  'evidence.activated': { en: 'activated {value}', ja: 'ライセンス認証 {value}' },
  'evidence.current-count': { en: 'current count {count}', ja: '現在の数 {count}' },
  'evidence.client': { en: 'client {client}', ja: 'クライアント {client}' },
  'evidence.client-time': { en: 'client time {time}', ja: 'クライアント時刻 {time}' },
  'evidence.service-event': { en: '{event} {what}', ja: '{event} {what}' },
  'evidence.result-code': { en: 'result {code}', ja: '結果 {code}' },
  'evidence.domain': { en: 'domain {domain}', ja: 'ドメイン {domain}' },
  'evidence.online-failed': { en: '{event} online activation failed, result {code}', ja: '{event} オンラインのライセンス認証に失敗、結果 {code}' },
  'evidence.non-genuine': { en: '8209 non-genuine, reason {reason}{app}', ja: '8209 正規品ではない、理由 {reason}{app}' },
  'evidence.non-genuine-app': { en: ', application {app}', ja: '、アプリケーション {app}' },
  'evidence.8230': { en: '8230 LicenseState={state}, ProductKeyType={keyType}{key}', ja: '8230 LicenseState={state}、ProductKeyType={keyType}{key}' },
  'evidence.8230-key': { en: ', partial key {key}', ja: '、部分プロダクト キー {key}' },
  'evidence.service-info': { en: '{event} {what}{result}', ja: '{event} {what}{result}' },
  'evidence.service-info-result': { en: ', result {code}', ja: '、結果 {code}' },
  'evidence.log-cleared': { en: '104 log cleared: {channel}{by}', ja: '104 ログの消去: {channel}{by}' },
  'evidence.log-cleared-by': { en: ' by {user}', ja: ' (実行者 {user})' },
  'evidence.license': { en: 'slmgr: {name} ({channel}), license status {status}', ja: 'slmgr: {name} ({channel})、ライセンスの状態 {status}' },
  'evidence.slmgr-error': { en: 'slmgr: {text}', ja: 'slmgr: {text}' },
} as const satisfies Record<string, MessageText>;
