// Pieces many messages share: commands introduced by a short phrase, code explanations, joins.
import type { MessageText } from '../types.js';

export const COMMON = {
  /** A bare command or value: nothing to translate. */
  'common.value': { en: '{value}', ja: '{value}' },
  /** A remedy step that is only a command. */
  'common.command': { en: '{cmd}', ja: '{cmd}' },
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
  'common.slui-codes': { en: "Show Windows' own text for the codes: {cmdList}", ja: '各コードに対する Windows 自身の説明を表示します: {cmdList}' },
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
  /** A list cut to its first items: a finding that names many things names a few and counts the rest. */
  'common.list-more': { en: '{items} and {n} more', ja: '{items} ほか {n} 件' },
  // Next steps for codes real pastes show (src/diagnose/code-steps.ts); commands come as data.
  'common.next.0x80080005': {
    en: 'The licensing COM server (SppExtComObj.exe) did not start. Look for an Image File Execution Options entry an unofficial activator left: {query}. Delete it ({remove}), then activate again: {cmd}',
    ja: 'ライセンスの COM サーバー (SppExtComObj.exe) が起動していません。非公式のライセンス認証ツールが残した Image File Execution Options のエントリを確認します: {query}。あれば削除し ({remove})、もう一度ライセンス認証します: {cmd}',
  },
  'common.next.0x8007000D': {
    en: 'Check whether the KMS host this client uses is the machine itself ({dlv} against {own}): a KMS host does not activate its own machine.',
    ja: 'このクライアントが使う KMS ホストがコンピューター自身でないかを確認します ({dlv} と {own} を比べる)。KMS ホストは自分自身のライセンス認証を行いません。',
  },
  'common.next.0xC004F069': {
    en: 'The key does not fit the installed product: a KMS client setup key on a retail or evaluation installation, or on another edition. Install the key for the installed edition, or convert the installation to the edition and licensing the key is for.',
    ja: 'キーがインストールされている製品に合いません。販売版や評価版、または別のエディションに KMS クライアント セットアップ キーを入れた場合です。インストールされているエディションのキーを入れるか、キーに合うエディションとライセンス形態に変換します。',
  },
  'common.next.0x87E10BC6': {
    en: 'slui has no text for this license manager code. From an elevated prompt, install the KMS client setup key for the installed edition again ({ipk}), then: {cmd}',
    ja: 'このライセンス マネージャーのコードには slui の説明がありません。管理者特権のコマンド プロンプトで、インストールされているエディションの KMS クライアント セットアップ キーを入れ直し ({ipk})、次を実行します: {cmd}',
  },
  'common.next.0xC004F025': {
    en: 'The licensing service needs administrator rights: run {cmd} from an elevated prompt and read the code it gives.',
    ja: 'ライセンス サービスに管理者特権が必要です。管理者特権のコマンド プロンプトで {cmd} を実行し、出てくるコードを確認します。',
  },
} as const satisfies Record<string, MessageText>;
