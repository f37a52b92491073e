// What the KMS client rules say (src/diagnose/rules/kms-client). Titles match the rules' KB articles.
import type { MessageText } from '../types.js';

export const RULES_KMS_CLIENT = {
  'kms-client/activated.title': { en: 'KMS client is activated', ja: 'KMS クライアントはライセンス認証済み' },
  'kms-client/activated.detail': {
    en: 'The KMS client {n|product is|products are} Licensed; renewals run every 7 days and keep the 180-day activation fresh.',
    ja: 'KMS クライアントの製品はライセンス認証済み (Licensed) です ({n} 件)。7 日ごとの更新で 180 日のライセンス認証の有効期間が保たれます。',
  },
  'kms-client/activated.remedy': { en: 'Nothing to fix. To confirm on the machine: {cmd}', ja: '対処は不要です。コンピューター上で確認するには: {cmd}' },

  'kms-client/activation-expiring.title': { en: 'Volume activation expires soon', ja: 'ボリューム ライセンス認証の有効期間がまもなく終わる' },
  'kms-client/activation-expiring.title-expired': { en: 'Volume activation has expired', ja: 'ボリューム ライセンス認証の有効期間が終了した' },
  'kms-client/activation-expiring.title-days': {
    en: 'Volume activation expires in {days|# day|# days}',
    ja: 'ボリューム ライセンス認証の有効期間はあと {days} 日で終わる',
  },
  'kms-client/activation-expiring.detail-ends': {
    en: 'The activation ends around {when}. A client renews every 7 days; this little time left means its renewals have not reached a KMS host for weeks.',
    ja: 'ライセンス認証の有効期間は {when} ごろに終わります。クライアントは 7 日ごとに更新するため、残りがこれだけ少ないのは、何週間も更新が KMS ホストに届いていないことを意味します。',
  },
  'kms-client/activation-expiring.detail-ended': {
    en: 'The activation ended around {when}. A client renews every 7 days; this little time left means its renewals have not reached a KMS host for weeks.',
    ja: 'ライセンス認証の有効期間は {when} ごろに終わりました。クライアントは 7 日ごとに更新するため、何週間も更新が KMS ホストに届いていなかったことになります。',
  },
  'kms-client/activation-expiring.evidence': { en: '{summary}; {minutes} minutes left at {at}', ja: '{summary}。{at} の時点で残り {minutes} 分' },
  'kms-client/activation-expiring.remedy-renew': { en: 'Renew now and read the error if it fails: {cmd}', ja: '今すぐ更新し、失敗したらエラーを確認します: {cmd}' },
  'kms-client/activation-expiring.remedy-check': { en: 'Check the expiry after: {cmd}', ja: 'その後、有効期限を確認します: {cmd}' },
  'kms-client/activation-expiring.remedy-walk': { en: 'Follow the KMS client walk for the failing step.', ja: 'KMS クライアントのトラブルシューティング手順で、失敗している確認項目をたどります。' },

  'kms-client/count-below-threshold.title': { en: 'KMS host count is below the threshold this client needs', ja: 'KMS ホストのカウントがこのクライアントに必要なしきい値に達していない' },
  'kms-client/count-below-threshold.evidence': { en: '12289 result {code}, current count {count}{required}', ja: '12289 の結果 {code}、現在の数 {count}{required}' },
  'kms-client/count-below-threshold.evidence-required': { en: ' < required {required}', ja: ' < 必要数 {required}' },
  'kms-client/count-below-threshold.detail': {
    en: 'The KMS host{host} refuses to activate this client until it has counted enough distinct machines (25 for Windows client editions, 5 for servers and Office).{numbers}',
    ja: 'KMS ホスト{host}は、異なるコンピューターを十分な数 (Windows クライアント エディションは 25、サーバーと Office は 5) カウントするまで、このクライアントのライセンス認証を拒否します。{numbers}',
  },
  'kms-client/count-below-threshold.host': { en: ' {host}', ja: ' {host} ' },
  'kms-client/count-below-threshold.numbers': { en: ' The host reported a count of {count}.', ja: 'ホストが報告したカウントは {count} です。' },
  'kms-client/count-below-threshold.numbers-need': {
    en: ' The host reported a count of {count}; this client needs {need}.',
    ja: 'ホストが報告したカウントは {count} で、このクライアントには {need} が必要です。',
  },
  'kms-client/count-below-threshold.remedy-read': { en: 'On the KMS host, read "Current count": {cmd}', ja: 'KMS ホストで「現在の数」を確認します: {cmd}' },
  'kms-client/count-below-threshold.remedy-more': {
    en: 'Let more distinct machines contact the host: the count only grows with unique CMIDs seen in the last 30 days.',
    ja: 'より多くの異なるコンピューターからホストに接続させます。カウントが増えるのは、過去 30 日間に確認された固有の CMID だけです。',
  },
  'kms-client/count-below-threshold.remedy-clones': {
    en: 'If clones share a CMID, reset it on each clone ({rearm}, or rebuild the image with {sysprep}) so the host counts them separately.',
    ja: '複製したコンピューターが CMID を共有している場合は、ホストが別々にカウントするよう、それぞれで CMID をリセットします ({rearm}、または {sysprep} でイメージを作り直す)。',
  },
  'kms-client/count-below-threshold.remedy-ato': { en: 'When the count is reached: {cmd}', ja: 'カウントがしきい値に達したら: {cmd}' },

  'kms-client/dns-lookup-failed.title': { en: 'Client found no KMS host in DNS (_vlmcs._tcp)', ja: 'クライアントが DNS で KMS ホストを見つけられない (_vlmcs._tcp)' },
  'kms-client/dns-lookup-failed.detail': {
    en: "{codes} Auto-discovery needs an _vlmcs._tcp SRV record in the client's DNS domain{domain}.",
    ja: '{codes} 自動探索には、クライアントの DNS ドメイン{domain}に _vlmcs._tcp の SRV リソース レコードが必要です。',
  },
  'kms-client/dns-lookup-failed.domain': { en: ' ({domain})', ja: ' ({domain}) ' },
  'kms-client/dns-lookup-failed.remedy-lookup': { en: 'Look for the record from the client: {cmd}', ja: 'クライアントからレコードを確認します: {cmd}' },
  'kms-client/dns-lookup-failed.remedy-host': {
    en: 'On the KMS host, check 12294 (published) or 12293 (publishing failed) in the Application log; create the SRV record by hand if dynamic DNS is not allowed.',
    ja: 'KMS ホストのアプリケーション イベント ログで 12294 (発行済み) または 12293 (発行失敗) を確認します。動的 DNS が許可されていない場合は SRV リソース レコードを手動で作成します。',
  },
  'kms-client/dns-lookup-failed.remedy-client': {
    en: 'Check the client has a DNS server configured and the right primary DNS suffix.',
    ja: 'クライアントに DNS サーバーが設定され、プライマリ DNS サフィックスが正しいことを確認します。',
  },
  'kms-client/dns-lookup-failed.remedy-workaround': { en: 'Workaround while DNS is fixed: {cmd}', ja: 'DNS を直すまでの回避策: {cmd}' },

  'kms-client/host-mismatch.title': {
    en: 'Client contacts a machine that is not a KMS host of the snapshot, or the wrong port',
    ja: 'クライアントの接続先がスナップショット内の KMS ホストではない、またはポートが違う',
  },
  'kms-client/host-mismatch.not-a-host': { en: "{host} is not one of the snapshot's KMS hosts ({hosts})", ja: '{host} はスナップショット内の KMS ホスト ({hosts}) のいずれでもありません' },
  'kms-client/host-mismatch.no-host-role': { en: '{host} is in the snapshot but shows no sign of being a KMS host', ja: '{host} はスナップショットにありますが、KMS ホストである形跡がありません' },
  'kms-client/host-mismatch.port-stated': {
    en: 'port {port} differs from the port {host} listens on ({listen}, per slmgr)',
    ja: 'ポート {port} は {host} の待ち受けポート ({listen}、slmgr による) と異なります',
  },
  'kms-client/host-mismatch.port-default': {
    en: 'port {port} differs from the port {host} listens on ({listen}, the default)',
    ja: 'ポート {port} は {host} の待ち受けポート ({listen}、既定値) と異なります',
  },
  'kms-client/host-mismatch.detail': { en: '{problems}.', ja: '{problems}。' },
  'kms-client/host-mismatch.remedy-point': { en: 'Point the client at a working host: {cmd}', ja: 'クライアントの接続先を動作している KMS ホストにします: {cmd}' },
  'kms-client/host-mismatch.remedy-ckms': { en: 'Or return to DNS auto-discovery: {cmd}', ja: 'または DNS による自動探索に戻します: {cmd}' },
  'kms-client/host-mismatch.remedy-dns': { en: 'Check what DNS publishes: {cmd}', ja: 'DNS に発行されている内容を確認します: {cmd}' },

  'kms-client/invalid-volume-key.title': { en: 'Invalid volume license key (0xC004F035)', ja: 'ボリューム ライセンス キーが無効 (0xC004F035)' },
  'kms-client/invalid-volume-key.detail': {
    en: 'Windows reports the error as a product key problem, but the usual cause is that the machine is not entitled to volume activation: KMS needs a qualifying Windows licence shown by the BIOS marker (ACPI_SLIC). Use a MAK or a retail key instead.',
    ja: 'Windows はプロダクト キーの問題として報告しますが、通常の原因はこのコンピューターにボリューム ライセンス認証の資格がないことです。KMS には、BIOS のマーカー (ACPI_SLIC) で示される対象の Windows ライセンスが必要です。代わりに MAK または販売キーを使用します。',
  },

  'kms-client/no-response.title': { en: 'KMS request got no response', ja: 'KMS 要求に応答がない' },
  'kms-client/no-response.detail': {
    en: '{n|# request|# requests} to {hosts} (last at {last}) got no 12289 back. Either the request never reached the host, the host did not process it, or the reply was blocked on the way back.',
    ja: '{hosts} への {n} 件の要求 (最後は {last}) に 12289 が返っていません。要求がホストに届いていない、ホストが処理しなかった、または応答が戻る途中で遮断された、のいずれかです。',
  },
  'kms-client/no-response.evidence': { en: '12288 with no 12289 after it: {summary}', ja: '後に 12289 のない 12288: {summary}' },
  'kms-client/no-response.remedy-test': { en: 'Test the path from the client: {cmd}', ja: 'クライアントから経路をテストします: {cmd}' },
  'kms-client/no-response.remedy-port': {
    en: 'Open TCP 1688 (or the configured port) on routers and on the host firewall ("Key Management Service" rule), and allow the stateful return traffic to the client.',
    ja: 'ルーターとホストのファイアウォール (「キー管理サービス」のファイアウォールの例外) で TCP 1688 (または設定したポート) を開き、クライアントへの戻りの通信 (ステートフル) を許可します。',
  },
  'kms-client/no-response.remedy-log': {
    en: "Look in the host's Key Management Service log for a 12290 naming this client.",
    ja: 'ホストの "Key Management Service" ログで、このクライアントの 12290 を探します。',
  },

  'kms-client/not-activated.title': { en: 'KMS client is not activated', ja: 'KMS クライアントがライセンス認証されていない' },
  'kms-client/not-activated.detail': {
    en: 'The KMS client is in state {states}, not Licensed. Walk Table 2: is the host count at the threshold, does 12289 report result 0, are the KMS host and port right, is the host reachable on TCP 1688, and did the host log a 12290 for this client?',
    ja: 'KMS クライアントの状態は {states} で、Licensed ではありません。表 2 に沿って確認します: ホストのカウントはしきい値に達しているか、12289 の結果は 0 か、KMS ホストとポートは正しいか、TCP 1688 でホストに到達できるか、ホストはこのクライアントの 12290 を記録したか。',
  },
  'kms-client/not-activated.remedy-confirm': { en: 'Confirm the state on the machine: {cmd}', ja: 'コンピューター上で状態を確認します: {cmd}' },
  'kms-client/not-activated.remedy-fix': {
    en: 'Fix whatever the failing walk step names (threshold, host, port, DNS, firewall on TCP 1688).',
    ja: '失敗している確認項目が示す問題 (しきい値、ホスト、ポート、DNS、TCP 1688 のファイアウォール) を修正します。',
  },
  'kms-client/not-activated.remedy-ato': {
    en: 'Then activate at once instead of waiting for the 2-hour retry: {cmd}',
    ja: 'その後、2 時間ごとの再試行を待たずにすぐライセンス認証を実行します: {cmd}',
  },

  'kms-client/not-seen-by-host.title': { en: 'KMS host never logged this client', ja: 'KMS ホストにこのクライアントの記録がない' },
  'kms-client/not-seen-by-host.evidence': {
    en: '{host} logged {n} 12290 records from {first} to {last}; none within ±{hours} h of {at} names CMID {cmid} or {client} (nearest: {nearest} at {nearestAt})',
    ja: '{host} は {first} から {last} までに 12290 を {n} 件記録していますが、{at} の前後 {hours} 時間以内に CMID {cmid} または {client} を示すものはありません (最も近いもの: {nearestAt} の {nearest})',
  },
  'kms-client/not-seen-by-host.detail': {
    en: 'The request never reached {hosts}, or the host could not process it: its Key Management Service log covers the time, but holds no 12290 for this client.',
    ja: '要求が {hosts} に届いていないか、ホストが処理できませんでした。ホストの "Key Management Service" ログはその時間帯を含んでいますが、このクライアントの 12290 はありません。',
  },
  'kms-client/not-seen-by-host.remedy-port': {
    en: 'Check that routers and firewalls pass TCP 1688 (or the configured port) from the client to the host, and the stateful return traffic.',
    ja: 'ルーターとファイアウォールが、クライアントからホストへの TCP 1688 (または設定したポート) と、その戻りの通信を通すことを確認します。',
  },
  'kms-client/not-seen-by-host.remedy-exception': {
    en: 'On the host, enable the "Key Management Service" firewall exception.',
    ja: 'ホストで「キー管理サービス」のファイアウォールの例外を有効にします。',
  },
  'kms-client/not-seen-by-host.remedy-resolve': { en: 'Check the client resolves the name it uses: {cmd}', ja: 'クライアントが使用する名前を解決できることを確認します: {cmd}' },
  'kms-client/not-seen-by-host.remedy-retry': { en: 'Retry from the client: {cmd}', ja: 'クライアントから再試行します: {cmd}' },

  'kms-client/request-failed.title': { en: 'KMS activation request failed', ja: 'KMS ライセンス認証の要求が失敗した' },
  'kms-client/request-failed.title-codes': { en: 'KMS activation failed with {codes}', ja: 'KMS ライセンス認証が {codes} で失敗した' },
  'kms-client/request-failed.remedy-check': {
    en: 'Check the KMS host named in 12288, its reachability on TCP 1688 and its 12290 log for this client.',
    ja: '12288 に記録された KMS ホスト、TCP 1688 での到達性、そのホストでのこのクライアントの 12290 を確認します。',
  },

  'kms-client/static-host.title': { en: 'KMS host is set by hand (no failover)', ja: 'KMS ホストが手動で設定されている (フェールオーバーしない)' },
  'kms-client/static-host.detail': {
    en: 'The client always uses {names}. With auto-discovery it would move to another host from DNS when this one stops answering.',
    ja: 'クライアントは常に {names} を使用します。自動探索であれば、このホストが応答しなくなったときに DNS から別のホストへフェールオーバーします。',
  },
  'kms-client/static-host.evidence': { en: 'slmgr: registered KMS machine name {name}', ja: 'slmgr: 登録された KMS コンピューター名 {name}' },
  'kms-client/static-host.remedy-ckms': { en: 'Return to DNS auto-discovery: {cmd}', ja: 'DNS による自動探索に戻します: {cmd}' },
  'kms-client/static-host.remedy-skms': {
    en: 'Or, if the fixed host is intended, update it when hosts change: {cmd}',
    ja: '固定のホストが意図したものであれば、ホストが変わったときに更新します: {cmd}',
  },

  'kms-client/time-skew.title': { en: 'Client and KMS host clocks differ by more than the allowed skew', ja: 'クライアントと KMS ホストの時刻の差が許容範囲を超えている' },
  'kms-client/time-skew.title-clients': { en: 'Clients with clocks off by more than {hours} h: {clients}', ja: '時刻が {hours} 時間を超えてずれているクライアント: {clients}' },
  'kms-client/time-skew.detail': {
    en: "KMS refuses requests whose timestamp is more than {hours} hours (UTC) away from the host's clock (0xC004F06C).",
    ja: 'KMS は、タイムスタンプがホストの時刻から {hours} 時間 (UTC) を超えて離れている要求を拒否します (0xC004F06C)。',
  },
  'kms-client/time-skew.more-unclaimed': {
    en: '{n} more 12290s with skew carry this CMID under names that are no machine of the snapshot (clones of one image share them).',
    ja: 'スナップショットにない名前で、この CMID を持つ時刻のずれた 12290 がほかに {n} 件あります (同じイメージの複製はこれを共有します)。',
  },
  'kms-client/time-skew.evidence': {
    en: '{host}: 12290 result {code}, client {client}, client time {clientTime} vs host time {hostTime}{diff}',
    ja: '{host}: 12290 の結果 {code}、クライアント {client}、クライアント時刻 {clientTime} / ホスト時刻 {hostTime}{diff}',
  },
  'kms-client/time-skew.ahead': { en: ', host clock ahead of the client by {by}', ja: '、ホストの時刻がクライアントより {by} 進んでいる' },
  'kms-client/time-skew.behind': { en: ', host clock behind the client by {by}', ja: '、ホストの時刻がクライアントより {by} 遅れている' },
  'kms-client/time-skew.remedy-clock': {
    en: 'Set the clock and time zone right on the client (and the host): both should sync from the domain hierarchy (w32tm /resync).',
    ja: 'クライアント (とホスト) の時刻とタイム ゾーンを正しく設定します。どちらもドメインの階層から時刻を同期するようにします (w32tm /resync)。',
  },
} as const satisfies Record<string, MessageText>;
