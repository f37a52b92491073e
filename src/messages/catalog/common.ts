// Pieces many messages share: commands introduced by a short phrase, code explanations, joins.
import type { MessageText } from '../types.js';

export const COMMON = {
  /** A bare command or value: nothing to translate. */
  'common.value': { en: '{value}', ja: '{value}' },
  /** Sentences (messages) one after another. */
  'common.sentences': { en: '{items}', ja: '{items}' },
  'common.code-explained': { en: '{label}: {meaning}', ja: '{label}: {meaning}' },
  'common.code-see-explain': { en: '{label} (volact explain {code})', ja: '{label} (説明は volact explain {code} で表示できます)' },
  'common.no-code-description': { en: 'no description in our tables', ja: 'volact の表に説明がありません' },
  'common.then': { en: 'Then: {cmd}', ja: 'その後、次を実行します: {cmd}' },
  'common.then-activate': { en: 'Then activate: {cmd}', ja: 'その後、ライセンス認証を実行します: {cmd}' },
  'common.after-fix': { en: 'After the fix: {cmd}', ja: '修正後に実行します: {cmd}' },
  'common.retry': { en: 'Retry: {cmd}', ja: '再試行します: {cmd}' },
  'common.slui': { en: "Show Windows' own text for the code: {cmd}", ja: 'コードに対する Windows 自身の説明を表示します: {cmd}' },
  'common.setup-key-command': { en: '{cmd}   (KMS client setup key for {edition})', ja: '{cmd}   ({edition} の KMS クライアント セットアップ キー)' },
  'common.setup-key-placeholder': { en: '<KMS client setup key for this edition>', ja: '<このエディションの KMS クライアント セットアップ キー>' },
  /** slmgr /ipk with a placeholder for the key, which is ours to translate. */
  'common.ipk': { en: 'slmgr.vbs /ipk {key}', ja: 'slmgr.vbs /ipk {key}' },
  'common.mak-or-retail-key': { en: '<MAK or retail product key>', ja: '<MAK または販売キー>' },
  'common.new-mak': { en: '<new MAK>', ja: '<新しい MAK>' },
  'common.the-kms-host': { en: 'the KMS host', ja: 'KMS ホスト' },
  'common.dns': { en: 'DNS', ja: 'DNS' },
  'common.a-client': { en: 'a client', ja: 'あるクライアント' },
  /** The last sentence of a finding about the machine's own licenses. */
  'common.about-products': { en: 'Product: {products}.', ja: '対象の製品: {products}。' },
} as const satisfies Record<string, MessageText>;
