// What the license, MAK, OEM, genuine and error-code rules say, and the engine's own finding.
import type { MessageText } from '../types.js';

export const RULES_OTHER = {
  'license/grace-expiring.title': { en: 'Grace period ends soon', ja: '猶予期間がまもなく終わる' },
  'license/grace-expiring.title-ended': { en: 'Grace period has ended', ja: '猶予期間が終了した' },
  'license/grace-expiring.title-days': { en: 'Grace period ends in {days} days', ja: '猶予期間はあと {days} 日で終わる' },
  'license/grace-expiring.detail-ends': {
    en: '{state} ends around {when}; after that Windows goes into notification mode.',
    ja: '{state} は {when} ごろに終わります。その後 Windows は通知モードになります。',
  },
  'license/grace-expiring.detail-ended': {
    en: '{state} ended around {when}; after that Windows goes into notification mode.',
    ja: '{state} は {when} ごろに終わりました。その後 Windows は通知モードになります。',
  },
  'license/grace-expiring.evidence': { en: '{summary}; {minutes} minutes of grace left at {at}', ja: '{summary}。{at} の時点で猶予期間の残り {minutes} 分' },
  'license/grace-expiring.remedy-ato': { en: 'Activate now: {cmd}', ja: '今すぐライセンス認証します: {cmd}' },
  'license/grace-expiring.remedy-rearm': {
    en: 'If activation cannot happen in time and rearms are left, {cmd} restarts the grace period.',
    ja: '期限までにライセンス認証できず、再初期化 (rearm) の回数が残っている場合は、{cmd} で猶予期間をやり直せます。',
  },

  'license/notification.title': { en: 'Windows is in notification mode', ja: 'Windows が通知モードになっている' },
  'license/notification.detail': {
    en: 'State {states}{reason}: the desktop turns black and reminders appear until the machine is activated{genuine}.',
    ja: '状態 {states}{reason}: ライセンス認証{genuine}されるまで、デスクトップの背景が黒くなり、通知が表示されます。',
  },
  'license/notification.reason': { en: ' (notification reason {reason})', ja: ' (通知の理由 {reason})' },
  'license/notification.genuine': { en: ' and validated as genuine', ja: 'と正規品の確認が' },
  'license/notification.remedy-walk': {
    en: 'Find out why activation fails (the KMS or MAK walk), fix it, then activate: {cmd}',
    ja: 'ライセンス認証が失敗する理由を (KMS または MAK の手順で) 調べて修正し、ライセンス認証します: {cmd}',
  },
  'license/notification.remedy-genuine': {
    en: 'For non-genuine grace, follow the non-genuine recovery steps first.',
    ja: '正規品ではない状態の猶予期間では、まず正規品ではない状態からの回復手順に従います。',
  },

  'license/rearm-exhausted.title': { en: 'No rearms left', ja: '再初期化 (rearm) の残り回数がない' },
  'license/rearm-exhausted.detail': {
    en: 'The remaining rearm count is 0. If this machine is an image source, clones made from it cannot get a fresh CMID with a rearm, and the grace period cannot be extended.',
    ja: '再初期化 (rearm) の残り回数は 0 です。このコンピューターがイメージの元であれば、そこから作った複製は rearm で新しい CMID を得られず、猶予期間も延長できません。',
  },
  'license/rearm-exhausted.evidence': { en: 'slmgr: {product}, remaining Windows rearm count 0', ja: 'slmgr: {product}、Windows の再初期化 (rearm) の残り回数 0' },
  'license/rearm-exhausted.remedy-ato': { en: 'Activate the machine instead of rearming: {cmd}', ja: '再初期化 (rearm) ではなくライセンス認証を行います: {cmd}' },
  'license/rearm-exhausted.remedy-image': {
    en: 'Build images from a fresh installation and generalize them with {sysprep} before capture.',
    ja: 'イメージは新規インストールから作成し、キャプチャの前に {sysprep} で一般化します。',
  },

  'mak/activated.title': { en: 'MAK product is activated', ja: 'MAK の製品はライセンス認証済み' },
  'mak/activated.detail': {
    en: 'MAK activation is permanent: once Licensed, the machine needs no renewals.',
    ja: 'MAK のライセンス認証は永続的です。いったん Licensed になれば更新は不要です。',
  },
  'mak/activated.remedy': { en: 'Nothing to fix. To confirm: {cmd}', ja: '対処は不要です。確認するには: {cmd}' },

  'mak/activation-limit.title': { en: 'Product key has no activations left', ja: 'プロダクト キーのライセンス認証の残り回数がない' },
  'mak/activation-limit.detail': {
    en: '{codes} Online activation will keep failing until more activations are granted.',
    ja: '{codes} ライセンス認証の回数が追加されるまで、オンラインでのライセンス認証は失敗し続けます。',
  },
  'mak/activation-limit.remedy-phone': {
    en: 'Activate by phone (slui.exe 4); if that fails too, call the Microsoft activation centre with the volume licence agreement details and proof of purchase.',
    ja: '電話でライセンス認証します (slui.exe 4)。それも失敗する場合は、ボリューム ライセンス契約の情報と購入の証明を用意してマイクロソフトのライセンス認証センターに連絡します。',
  },
  'mak/activation-limit.remedy-more': {
    en: 'Ask for more activations on the key through the volume licensing service centre.',
    ja: 'ボリューム ライセンス サービス センターで、キーのライセンス認証回数の追加を依頼します。',
  },

  'mak/ato-error.title': { en: 'Activation returned an error code', ja: 'ライセンス認証がエラー コードを返した' },
  'mak/ato-error.title-codes': { en: 'Activation returned {codes}', ja: 'ライセンス認証が {codes} を返した' },

  'mak/key-blocked.title': { en: 'Product key is blocked (0xC004C003)', ja: 'プロダクト キーがブロックされている (0xC004C003)' },
  'mak/key-blocked.detail': {
    en: 'Microsoft has blocked this product key (for example because it leaked); no machine can activate with it any more.',
    ja: 'マイクロソフトがこのプロダクト キーをブロックしました (漏えいした場合など)。このキーではどのコンピューターもライセンス認証できません。',
  },
  'mak/key-blocked.remedy-new': { en: 'Get a new MAK from the volume licensing service centre.', ja: 'ボリューム ライセンス サービス センターから新しい MAK を入手します。' },

  'mak/online-activation-failed.title': { en: 'Online activation cannot reach Microsoft', ja: 'オンラインのライセンス認証がマイクロソフトに到達できない' },
  'mak/online-activation-failed.detail': {
    en: "{codes} Online activation needs outbound HTTPS/HTTP to Microsoft's activation servers, through the proxy if there is one.",
    ja: '{codes} オンラインのライセンス認証には、マイクロソフトのライセンス認証サーバーへの送信方向の HTTPS/HTTP 通信 (プロキシがあればプロキシ経由) が必要です。',
  },
  'mak/online-activation-failed.remedy-ports': {
    en: 'Open the outbound ports online activation uses (HTTPS 443, HTTP 80) to the Microsoft activation endpoints, and check the proxy (netsh winhttp show proxy).',
    ja: 'オンラインのライセンス認証が使う送信方向のポート (HTTPS 443、HTTP 80) をマイクロソフトのライセンス認証のエンドポイントに対して開き、プロキシを確認します (netsh winhttp show proxy)。',
  },
  'mak/online-activation-failed.remedy-offline': {
    en: 'Without Internet access: activate by phone (slui.exe 4) or by proxy activation through VAMT.',
    ja: 'インターネットに接続できない場合: 電話 (slui.exe 4) または VAMT のプロキシ ライセンス認証でライセンス認証します。',
  },

  'oem/missing-bios-marker.title': { en: 'BIOS lacks the Windows marker needed for volume activation', ja: 'ボリューム ライセンス認証に必要な Windows マーカーが BIOS にない' },
  'oem/missing-bios-marker.detail': {
    en: 'KMS activation of a volume-licensed upgrade needs a qualifying Windows licence, shown by the Windows marker in the firmware (ACPI_SLIC table). This machine does not have it, so KMS refuses it (0xC004F035).',
    ja: 'ボリューム ライセンスのアップグレードを KMS でライセンス認証するには、ファームウェアの Windows マーカー (ACPI_SLIC テーブル) で示される対象の Windows ライセンスが必要です。このコンピューターにはそれがないため、KMS は拒否します (0xC004F035)。',
  },
  'oem/missing-bios-marker.remedy-licence': {
    en: 'Check the licence: volume licensing here is an upgrade of a qualifying OEM Windows licence.',
    ja: 'ライセンスを確認します。この場合のボリューム ライセンスは、対象となる OEM の Windows ライセンスのアップグレードです。',
  },
  'oem/missing-bios-marker.remedy-key': {
    en: 'If the machine is entitled otherwise, use a MAK or a retail key: {ipk}, then {ato}',
    ja: 'ほかの形でライセンスがある場合は、MAK または販売キーを使用します: {ipk} の後に {ato}',
  },
  'oem/missing-bios-marker.remedy-firmware': {
    en: 'If the OEM licence should be there, ask the OEM for a firmware update that restores the marker.',
    ja: 'OEM ライセンスがあるはずなら、マーカーを復元するファームウェアの更新を OEM に依頼します。',
  },

  'genuine/non-genuine.title': { en: 'Windows set itself to non-genuine', ja: 'Windows が正規品ではない状態になった' },
  'genuine/non-genuine.detail-codes': {
    en: 'Validation failed: {codes}. A leaked or blocked key, or tampered system files, are the usual causes; the machine has a 30-day non-genuine grace period.',
    ja: '検証に失敗しました: {codes}。通常の原因は、漏えいまたはブロックされたキーか、改ざんされたシステム ファイルです。このコンピューターには 30 日間の猶予期間があります。',
  },
  'genuine/non-genuine.detail-no-code': {
    en: 'Validation failed; the reason field names no specific code. A leaked or blocked key, or tampered system files, are the usual causes; the machine has a 30-day non-genuine grace period.',
    ja: '検証に失敗しました。理由のフィールドには特定のコードがありません。通常の原因は、漏えいまたはブロックされたキーか、改ざんされたシステム ファイルです。このコンピューターには 30 日間の猶予期間があります。',
  },
  'genuine/non-genuine.remedy-reinstall': {
    en: 'If system files were tampered with, reinstall Windows and activate again.',
    ja: 'システム ファイルが改ざんされている場合は、Windows を再インストールしてライセンス認証をやり直します。',
  },
  'genuine/non-genuine.remedy-host-key': {
    en: 'If a KMS host key was compromised, replace it on every host that uses it; clients then re-activate with slmgr.vbs /ato or at their next renewal.',
    ja: 'KMS ホスト キーが漏えいした場合は、それを使うすべてのホストでキーを交換します。クライアントは slmgr.vbs /ato または次回の更新でライセンス認証し直します。',
  },
  'genuine/non-genuine.remedy-mak': {
    en: 'If a MAK was compromised, install a new one ({ipk}) and activate ({ato}).',
    ja: 'MAK が漏えいした場合は、新しい MAK をインストールし ({ipk})、ライセンス認証します ({ato})。',
  },
  'genuine/non-genuine.remedy-validate': {
    en: 'Then validate again online so the state returns to genuine.',
    ja: 'その後、オンラインで再度検証し、正規品の状態に戻します。',
  },

  'error/unknown-code.title': { en: 'Error code without an entry in our tables', ja: 'volact の表にないエラー コード' },
  'error/unknown-code.title-codes': { en: 'Unknown error {n|code|codes} {codes}', ja: '不明なエラー コード {codes} ({n} 件)' },
  'error/unknown-code.detail': {
    en: 'volact has no entry for {codes}. Windows can describe its own codes.',
    ja: 'volact には {codes} の情報がありません。Windows は自身のコードを説明できます。',
  },
  'error/unknown-code.remedy': { en: 'On a Windows machine: {cmd}', ja: 'Windows コンピューターで実行します: {cmd}' },

  'input/stale-export.title': { en: "This machine's evidence ends long before --now", ja: 'このコンピューターの根拠が --now よりずっと前で終わっている' },
  'input/stale-export.span': {
    en: '{records|# record|# records}{channel? of {channel}}, the newest at {newest}',
    ja: '{channel?{channel} の}レコード {records} 件、最新は {newest}',
  },
  'input/stale-export.newest': { en: 'newest record at {at}', ja: '最新のレコードは {at}' },
  'input/stale-export.detail': {
    en: 'The evidence of this machine ends {end}, {gap} before --now ({now}). What its exports show is its state then; findings that depend on the time (expiry, idle host, counts over 30 days) extrapolate from that date.',
    ja: 'このコンピューターの根拠は {end} で終わっており、--now ({now}) より {gap} 前です。エクスポートが示すのはその時点の状態で、時刻に依存する検出事項 (期限、アイドル状態のホスト、30 日間のカウント) はその日時から推定しています。',
  },
  'input/stale-export.remedy-export': {
    en: 'Export the logs again from this machine (wevtutil epl Application app.evtx; wevtutil epl "Key Management Service" kms.evtx on a KMS host) and save fresh slmgr.vbs /dlv output.',
    ja: 'このコンピューターからログをもう一度エクスポートし (wevtutil epl Application app.evtx、KMS ホストでは wevtutil epl "Key Management Service" kms.evtx)、新しい slmgr.vbs /dlv の出力を保存します。',
  },
  'input/stale-export.remedy-now': { en: 'Or drop --now to judge each machine as of its own evidence.', ja: 'または --now を外し、各コンピューターをそれ自身の根拠の時点で判断します。' },
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
