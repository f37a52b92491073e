// What the DNS and network rules say (src/diagnose/rules/dns, src/diagnose/rules/network).
import type { MessageText } from '../types.js';

export const RULES_NETWORK = {
  'dns/srv-missing.title': { en: 'No _vlmcs._tcp SRV record: clients cannot find a KMS host', ja: '_vlmcs._tcp の SRV リソース レコードがない: クライアントが KMS ホストを見つけられない' },
  'dns/srv-missing.why.name-error': { en: 'the DNS server says the name does not exist (NXDOMAIN)', ja: 'DNS サーバーはその名前が存在しないと応答しています (NXDOMAIN)' },
  'dns/srv-missing.why.no-records': { en: 'the name exists but holds no SRV record', ja: '名前は存在しますが SRV リソース レコードがありません' },
  'dns/srv-missing.why.timeout': {
    en: 'the DNS server did not answer in time, so no client can find a host this way either',
    ja: 'DNS サーバーが時間内に応答しないため、どのクライアントもこの方法ではホストを見つけられません',
  },
  'dns/srv-missing.why.server-failure': { en: 'the DNS server failed on the query (SERVFAIL)', ja: 'DNS サーバーが問い合わせの処理に失敗しました (SERVFAIL)' },
  'dns/srv-missing.why.refused': { en: 'the DNS server refused the query', ja: 'DNS サーバーが問い合わせを拒否しました' },
  'dns/srv-missing.why.error': { en: 'the lookup failed', ja: '検索に失敗しました' },
  'dns/srv-missing.why.answer': { en: 'the lookup answered', ja: '検索は応答しました' },
  'dns/srv-missing.detail': {
    en: 'The SRV lookup for {names} found no KMS host: {reasons}. Clients that use DNS discovery fail with 0x8007232B or similar until the record exists.',
    ja: '{names} の SRV 検索では KMS ホストが見つかりませんでした: {reasons}。DNS の自動探索を使うクライアントは、レコードができるまで 0x8007232B などで失敗します。',
  },
  'dns/srv-missing.remedy-host': {
    en: 'On the KMS host, look for 12294 (published) or 12293 (publishing failed) in the Application log; with dynamic updates refused, create the record by hand: {record}.',
    ja: 'KMS ホストのアプリケーション イベント ログで 12294 (発行済み) または 12293 (発行失敗) を探します。動的更新が拒否される場合は、レコードを手動で作成します: {record}。',
  },
  'dns/srv-missing.remedy-check': {
    en: 'Check from the client with {cmd}, against the DNS server the client really uses.',
    ja: 'クライアントが実際に使う DNS サーバーに対して、クライアントから {cmd} で確認します。',
  },
  'dns/srv-missing.remedy-domain': {
    en: "If the record lives in another domain, add that domain to the client's suffix search list or use slmgr.vbs /skms-domain <domain>.",
    ja: 'レコードが別のドメインにある場合は、そのドメインをクライアントの DNS サフィックス検索一覧に加えるか、slmgr.vbs /skms-domain <domain> を使います。',
  },
  'dns/srv-missing.remedy-workaround': { en: 'Workaround while DNS is fixed: {cmd}', ja: 'DNS を直すまでの回避策: {cmd}' },

  'dns/srv-port-mismatch.title': { en: 'SRV record port differs from the port the KMS host listens on', ja: 'SRV リソース レコードのポートが KMS ホストの待ち受けポートと違う' },
  'dns/srv-port-mismatch.listens': { en: '{target}: SRV port {port}, host listens on {listen}', ja: '{target}: SRV のポート {port}、ホストの待ち受けポート {listen}' },
  'dns/srv-port-mismatch.listening-evidence': { en: '{host}: Listening on Port {port}', ja: '{host}: 待ち受けポート {port}' },
  'dns/srv-port-mismatch.other-port': {
    en: '{target}: SRV port {port} fails, port {open} accepts connections',
    ja: '{target}: SRV のポート {port} には接続できず、ポート {open} は接続を受け付けます',
  },
  'dns/srv-port-mismatch.detail': {
    en: '{problems}. Clients that find the host through DNS connect to the SRV port and fail.',
    ja: '{problems}。DNS でホストを見つけたクライアントは SRV のポートに接続して失敗します。',
  },
  'dns/srv-port-mismatch.remedy-agree': {
    en: "Make the record and the host agree: edit the SRV record's port in DNS, or set the host's port with slmgr.vbs /sprt <port> and restart the Software Protection service.",
    ja: 'レコードとホストを一致させます: DNS で SRV リソース レコードのポートを直すか、ホストで slmgr.vbs /sprt <port> でポートを設定してソフトウェア ライセンス サービスを再起動します。',
  },
  'dns/srv-port-mismatch.remedy-publish': {
    en: 'A host that publishes its own record (12294) updates it when the service restarts; a record created by hand must be edited by hand.',
    ja: '自身でレコードを発行するホスト (12294) はサービスの再起動時にレコードを更新しますが、手動で作成したレコードは手動で直す必要があります。',
  },
  'dns/srv-port-mismatch.remedy-firewall': {
    en: "Open the chosen port in the host's firewall (slmgr /sprt does not do it).",
    ja: '選んだポートをホストのファイアウォールで開きます (slmgr /sprt はこれを行いません)。',
  },

  'dns/srv-stale.title': { en: 'An SRV record names a machine that is not a KMS host', ja: 'SRV リソース レコードが KMS ホストではないコンピューターを指している' },
  'dns/srv-stale.no-role': { en: '{machine} is in the snapshot and shows no KMS host role', ja: '{machine} はスナップショットにありますが、KMS ホストの役割がありません' },
  'dns/srv-stale.no-role-evidence': {
    en: '{machine}: {summary} (no KMS host product or Key Management Service log)',
    ja: '{machine}: {summary} (KMS ホストの製品も "Key Management Service" ログもない)',
  },
  'dns/srv-stale.refuses': { en: 'it refuses connections on port {port} (nothing listens there)', ja: 'ポート {port} への接続を拒否します (待ち受けているものがありません)' },
  'dns/srv-stale.unresolved': { en: 'its name no longer resolves', ja: 'その名前はもう解決できません' },
  'dns/srv-stale.target': { en: '{target}:{port} ({why})', ja: '{target}:{port} ({why})' },
  'dns/srv-stale.detail': {
    en: 'The SRV set names {stale}. Clients that pick this record first wait for it to fail before trying another host.',
    ja: 'SRV リソース レコードは {stale} を示しています。このレコードを最初に選んだクライアントは、失敗を待ってから別のホストを試します。',
  },
  'dns/srv-stale.remedy-delete': {
    en: 'Delete the stale _vlmcs._tcp SRV record in DNS Manager (or dnscmd /recorddelete), and check DNS scavenging is on for the zone.',
    ja: '古い _vlmcs._tcp の SRV リソース レコードを DNS マネージャー (または dnscmd /recorddelete) で削除し、ゾーンで DNS の清掃が有効か確認します。',
  },
  'dns/srv-stale.remedy-host': {
    en: 'If the machine should still be a KMS host, install and activate the KMS host key on it, and make sure the Software Protection service runs and listens on the port.',
    ja: 'そのコンピューターを引き続き KMS ホストにする場合は、KMS ホスト キーをインストールしてライセンス認証し、ソフトウェア ライセンス サービスが動作してポートで待ち受けていることを確認します。',
  },
  'dns/srv-stale.remedy-clients': {
    en: 'Clients that cached the stale host fail over on their next renewal attempt; slmgr.vbs /ato forces it.',
    ja: '古いホストをキャッシュしたクライアントは次の更新時にフェールオーバーします。slmgr.vbs /ato ですぐに行えます。',
  },

  'network/port-blocked.title': { en: 'TCP connection to the KMS port fails', ja: 'KMS のポートへの TCP 接続が失敗する' },
  'network/port-blocked.why.refused': { en: 'refused (nothing listens, or a firewall rejects)', ja: '拒否 (待ち受けがないか、ファイアウォールが拒否)' },
  'network/port-blocked.why.timeout': { en: 'timed out (a firewall drops the packets, or the host is down)', ja: 'タイムアウト (ファイアウォールがパケットを破棄しているか、ホストが停止)' },
  'network/port-blocked.why.unreachable': { en: 'no route to the host', ja: 'ホストへの経路がない' },
  'network/port-blocked.why.name-not-resolved': { en: 'the name did not resolve, so no connection was tried', ja: '名前を解決できず、接続は試みられていない' },
  'network/port-blocked.why.failed': { en: 'failed (TcpTestSucceeded False)', ja: '失敗 (TcpTestSucceeded False)' },
  'network/port-blocked.why.open': { en: 'open', ja: '接続可能' },
  'network/port-blocked.check': { en: '{target} {why}', ja: '{target} {why}' },
  'network/port-blocked.detail': {
    en: '{checks}. A KMS client that cannot connect gets 0xC004F074 (no KMS host could be contacted).',
    ja: '{checks}。接続できない KMS クライアントは 0xC004F074 (KMS ホストに接続できない) になります。',
  },
  'network/port-blocked.remedy-listen': { en: 'On {host}, check the Software Protection service runs and listens: {cmd}', ja: '{host} で、ソフトウェア ライセンス サービスが動作して待ち受けていることを確認します: {cmd}' },
  'network/port-blocked.remedy-firewall': {
    en: 'Allow inbound TCP {port} in the host\'s Windows Firewall (rule "Key Management Service (TCP-In)") and in any network firewall between client and host.',
    ja: 'ホストの Windows ファイアウォール (規則「キー管理サービス (TCP 受信)」) と、クライアントとホストの間のネットワーク ファイアウォールで、受信 TCP {port} を許可します (ファイアウォールの例外)。',
  },
  'network/port-blocked.remedy-check': { en: 'Check again from the client: {cmd}', ja: 'クライアントから再確認します: {cmd}' },
} as const satisfies Record<string, MessageText>;
