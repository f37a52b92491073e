// What the KMS host rules say (src/diagnose/rules/kms-host, src/diagnose/host-count.ts).
import type { MessageText } from '../types.js';

export const RULES_KMS_HOST = {
  'kms-host/count-below-threshold.title': { en: 'KMS host count is below what its clients need', ja: 'KMS ホストのカウントがクライアントに必要な数に達していない' },
  'kms-host/count-below-threshold.title-count': { en: 'KMS host count {count} is below {need}', ja: 'KMS ホストのカウント {count} が {need} に達していない' },
  'kms-host/count-below-threshold.detail-25': {
    en: 'The host has counted {count|# distinct client|# distinct clients}; Windows client editions need 25. Until then it answers 0xC004F038 and those clients stay unactivated.',
    ja: 'ホストがカウントした異なるクライアントは {count} 台です。Windows クライアント エディションには 25 が必要です。それまでホストは 0xC004F038 を返し、それらのクライアントはライセンス認証されないままです。',
  },
  'kms-host/count-below-threshold.detail-5': {
    en: 'The host has counted {count|# distinct client|# distinct clients}; servers and Office need 5. Until then it answers 0xC004F038 and those clients stay unactivated.',
    ja: 'ホストがカウントした異なるクライアントは {count} 台です。サーバーと Office には 5 が必要です。それまでホストは 0xC004F038 を返し、それらのクライアントはライセンス認証されないままです。',
  },
  'kms-host/count-below-threshold.remedy-more': {
    en: 'Let more distinct machines request activation; the count only includes unique CMIDs from the last 30 days.',
    ja: 'より多くの異なるコンピューターからライセンス認証を要求させます。カウントに含まれるのは過去 30 日間の固有の CMID だけです。',
  },
  'kms-host/count-below-threshold.remedy-clones': {
    en: 'If clones share CMIDs, reset them ({rearm}, or {sysprep} on the image).',
    ja: '複製したコンピューターが CMID を共有している場合はリセットします ({rearm}、またはイメージで {sysprep})。',
  },
  'kms-host/count-below-threshold.remedy-watch': { en: 'Watch "Current count" on the host: {cmd}', ja: 'ホストで「現在の数」を確認します: {cmd}' },
  'host-count.asking': { en: '12290 from {client} asks for required count {required}', ja: '{client} からの 12290 が必要数 {required} を要求' },
  'host-count.asking-any': { en: '{client} asks this host for required count {required}', ja: '{client} がこのホストに必要数 {required} を要求' },
  'host-count.slmgr': { en: 'slmgr: KMS current count {count}', ja: 'slmgr: KMS の現在の数 {count}' },
  'host-count.from-log': {
    en: '{count} distinct CMIDs in {n} 12290 records from {first} to {last}',
    ja: '{first} から {last} までの 12290 {n} 件に、異なる CMID が {count} 個',
  },
  'host-count.refused': {
    en: 'the host answered 0xC004F038 (count too low) {n} time(s); last: {summary}',
    ja: 'ホストは 0xC004F038 (カウント不足) を {n} 回返しました。最後: {summary}',
  },

  'kms-host/dns-publish-failed.title': { en: 'KMS host failed to publish its SRV record', ja: 'KMS ホストが SRV リソース レコードを発行できなかった' },
  'kms-host/dns-publish-failed.detail': {
    en: 'Publishing to {domains} failed. {codes} DNS either limits write access or does not accept dynamic updates, so clients cannot discover this host.',
    ja: '{domains} への発行が失敗しました。{codes} DNS が書き込みを制限しているか動的更新を受け付けないため、クライアントはこのホストを検出できません。',
  },
  'kms-host/dns-publish-failed.remedy-rights': {
    en: "Give the KMS host's computer account write access to the _VLMCS record (or the zone), or allow dynamic updates.",
    ja: 'KMS ホストのコンピューター アカウントに _VLMCS レコード (またはゾーン) への書き込み権限を与えるか、動的更新を許可します。',
  },
  'kms-host/dns-publish-failed.remedy-manual': { en: 'Or create the record by hand: {record}', ja: 'または SRV リソース レコードを手動で作成します: {record}' },
  'kms-host/dns-publish-failed.remedy-check': { en: 'Check the result: {cmd}', ja: '結果を確認します: {cmd}' },

  'kms-host/duplicate-cmid.title': { en: 'Several machines share one CMID (image not generalized)', ja: '複数のコンピューターが 1 つの CMID を共有している (イメージが一般化されていない)' },
  'kms-host/duplicate-cmid.title-groups': {
    en: '{n|# CMID is|# CMIDs are} shared by several machines',
    ja: '{n} 個の CMID が複数のコンピューターで共有されている',
  },
  'kms-host/duplicate-cmid.group': { en: 'CMID {cmid} came from {n} machines: {names}{caveat}', ja: 'CMID {cmid} は {n} 台のコンピューターから届いています: {names}{caveat}' },
  'kms-host/duplicate-cmid.caveat': {
    en: ' (each name stops before the next starts: if one machine was renamed, this is not a clone)',
    ja: ' (各名前は次の名前が現れる前に途絶えています。1 台のコンピューターの名前が変更されただけなら、複製ではありません)',
  },
  'kms-host/duplicate-cmid.detail-host': {
    en: '{groups}. The host counts each CMID once, so these machines add one to the count between them.',
    ja: '{groups}。ホストは CMID ごとに 1 回しかカウントしないため、これらのコンピューターは合わせて 1 しかカウントを増やしません。',
  },
  'kms-host/duplicate-cmid.evidence-host': {
    en: '12290 CMID {cmid} from {client} ({n|# request|# requests})',
    ja: '{client} からの 12290 CMID {cmid} (要求 {n} 件)',
  },
  'kms-host/duplicate-cmid.title-client': { en: 'CMID {cmid} is shared with {others}', ja: 'CMID {cmid} を {others} と共有している' },
  'kms-host/duplicate-cmid.detail-client': {
    en: "This machine's client machine ID is also used by {others}; the KMS host counts them as a single client.",
    ja: 'このコンピューターのクライアント コンピューター ID (CMID) は {others} でも使われています。KMS ホストはこれらを 1 台のクライアントとしてカウントします。',
  },
  'kms-host/duplicate-cmid.evidence-own': { en: '{machine} reports CMID {cmid}', ja: '{machine} の CMID は {cmid}' },
  'kms-host/duplicate-cmid.evidence-other': { en: '{machine} reports the same CMID {cmid}', ja: '{machine} も同じ CMID {cmid} を報告' },
  'kms-host/duplicate-cmid.evidence-12290': { en: '12290 CMID {cmid} from {client}', ja: '{client} からの 12290 CMID {cmid}' },
  'kms-host/duplicate-cmid.remedy-rearm': {
    en: 'On every machine that shares the CMID, reset it: {rearm} and restart (the rearm count must not be 0).',
    ja: 'CMID を共有しているすべてのコンピューターで CMID をリセットします: {rearm} を実行して再起動します (再初期化 (rearm) の残り回数が 0 でないこと)。',
  },
  'kms-host/duplicate-cmid.remedy-image': {
    en: 'Fix the image: generalize it with {sysprep} before capture, and make sure SkipRearm is 0.',
    ja: 'イメージを修正します: キャプチャの前に {sysprep} で一般化し、SkipRearm が 0 であることを確認します。',
  },
  'kms-host/duplicate-cmid.remedy-ato': { en: 'Then on each clone: {cmd}', ja: 'その後、各複製で実行します: {cmd}' },

  'kms-host/failed-host-referenced.title': { en: 'Clients still contact a host that logs no requests', ja: '要求を記録しなくなったホストにクライアントが接続し続けている' },
  'kms-host/failed-host-referenced.evidence-client': { en: '{client}: {summary}', ja: '{client}: {summary}' },
  'kms-host/failed-host-referenced.evidence-last': { en: 'last 12290 on {host} at {at}', ja: '{host} の最後の 12290 は {at}' },
  'kms-host/failed-host-referenced.detail': {
    en: '{clients} sent requests to this host after its last 12290 ({last}). If the host has failed, install and activate a KMS host key on a replacement and make sure its SRV record is in DNS.',
    ja: '{clients} は、このホストの最後の 12290 ({last}) より後に要求を送っています。ホストが故障している場合は、代わりのホストに KMS ホスト キーをインストールしてライセンス認証し、その SRV リソース レコードが DNS にあることを確認します。',
  },
  'kms-host/failed-host-referenced.remedy-replace': {
    en: 'Bring the host back, or install the KMS host key on a new host and activate it; a replacement with the same name and IP can reuse the SRV record.',
    ja: 'ホストを復旧するか、新しいホストに KMS ホスト キーをインストールしてライセンス認証します。同じ名前と IP アドレスの代替ホストなら SRV リソース レコードをそのまま使えます。',
  },
  'kms-host/failed-host-referenced.remedy-srv': {
    en: "Remove the failed host's _vlmcs._tcp SRV record from DNS (or let scavenging do it).",
    ja: '故障したホストの _vlmcs._tcp SRV リソース レコードを DNS から削除します (または DNS の清掃機能に任せます)。',
  },
  'kms-host/failed-host-referenced.remedy-static': {
    en: 'Clients set by hand do not fail over: update them with {skms} or return them to auto-discovery with {ckms}.',
    ja: '手動で設定したクライアントはフェールオーバーしません: {skms} で更新するか、{ckms} で自動探索に戻します。',
  },

  'kms-host/idle.title': { en: 'KMS host has logged no requests for hours', ja: 'KMS ホストが何時間も要求を記録していない' },
  'kms-host/idle.detail': {
    en: 'The last 12290 was at {last}, {gap} before {now}. Clients renew every 7 days and retry every 2 hours, so a busy host that falls silent has stopped receiving or answering requests.',
    ja: '最後の 12290 は {last} で、{now} より {gap} 前です。クライアントは 7 日ごとに更新し 2 時間ごとに再試行するため、要求の多いホストが沈黙した場合は、要求を受け取っていないか応答していません。',
  },
  'kms-host/idle.evidence': { en: 'last 12290: {summary}', ja: '最後の 12290: {summary}' },
  'kms-host/idle.remedy-service': {
    en: 'Check that the Software Protection service runs on the host and that TCP 1688 is open.',
    ja: 'ホストでソフトウェア ライセンス サービス (Software Protection)が動作し、TCP 1688 が開いていることを確認します。',
  },
  'kms-host/idle.remedy-srv': {
    en: 'Check the _vlmcs._tcp SRV record still points at this host, and which host clients name in their 12288.',
    ja: '_vlmcs._tcp の SRV リソース レコードがまだこのホストを指しているか、クライアントの 12288 がどのホストを示しているかを確認します。',
  },

  'kms-host/key-on-client.title': { en: 'KMS host key installed on a client edition', ja: 'KMS ホスト キーがクライアント エディションにインストールされている' },
  'kms-host/key-on-client.detail': {
    en: '{product} carries a KMS host key ({channel}). Client editions should hold the public KMS client setup key for their edition and activate against a host.',
    ja: '{product} には KMS ホスト キー ({channel}) がインストールされています。クライアント エディションには、そのエディション用に公開されている KMS クライアント セットアップ キーを入れ、KMS ホストでライセンス認証します。',
  },
  'kms-host/key-on-client.remedy-srv': {
    en: 'Remove the _vlmcs._tcp SRV record this machine published ({machine}) from DNS, then restart the machine.',
    ja: 'このコンピューター ({machine}) が発行した _vlmcs._tcp SRV リソース レコードを DNS から削除し、コンピューターを再起動します。',
  },

  'kms-host/log-cleared.title': { en: 'Key Management Service log was cleared or has holes', ja: '"Key Management Service" ログが消去された、または欠落がある' },
  'kms-host/log-cleared.hole-one': {
    en: 'record {first} is missing before record {next}{before? ({before} – {after})}',
    ja: 'レコード {next} の前のレコード {first} が欠落しています{before? ({before} – {after})}',
  },
  'kms-host/log-cleared.hole': {
    en: 'records {first}–{last} ({count}) are missing before record {next}{before? ({before} – {after})}',
    ja: 'レコード {next} の前のレコード {first}～{last} ({count} 件) が欠落しています{before? ({before} – {after})}',
  },
  'kms-host/log-cleared.title-holes': { en: 'Holes in the exported Key Management Service records', ja: 'エクスポートされた "Key Management Service" のレコードに欠落がある' },
  'kms-host/log-cleared.detail-holes': {
    en: 'The export holds only 12290 records and their record ids have holes. If the export was filtered (wevtutil qe with /q, Event Viewer "Save Filtered Log File As"), the holes are the log\'s other records and say nothing; if it is the whole log, records were lost. An export of the whole log tells the two apart.',
    ja: 'エクスポートには 12290 のレコードしかなく、レコード ID に欠落があります。フィルターしてエクスポートした場合 (wevtutil qe の /q、イベント ビューアーの「フィルターされたログ ファイルを名前を付けて保存」)、欠落はログのほかのレコードであり問題ありません。ログ全体のエクスポートなら、レコードが失われています。ログ全体をエクスポートすれば見分けられます。',
  },
  'kms-host/log-cleared.remedy-whole': { en: 'Export the whole log, unfiltered, and analyze it again: {cmd}', ja: 'フィルターせずにログ全体をエクスポートし、もう一度分析します: {cmd}' },
  'kms-host/log-cleared.detail': {
    en: 'The Key Management Service log is the only record of which clients this host activated. Part of it is gone, so counts and audits from it are incomplete.',
    ja: '"Key Management Service" ログは、このホストがどのクライアントをライセンス認証したかを示す唯一の記録です。その一部が失われているため、そこから求めたカウントや監査は不完全です。',
  },
  'kms-host/log-cleared.remedy-export': {
    en: 'Export the log on a schedule before anything clears it: {cmd}',
    ja: '消去される前に、定期的にログをエクスポートします: {cmd}',
  },
  'kms-host/log-cleared.remedy-exclude': {
    en: 'Exclude the Key Management Service log from clean-up tools, or collect it centrally (Operations Manager keeps it in its data warehouse).',
    ja: '"Key Management Service" ログをクリーンアップ ツールの対象から外すか、集中的に収集します (Operations Manager ならデータ ウェアハウスに保存されます)。',
  },

  'kms-host/not-activated.title': { en: "The KMS host's own key is not activated", ja: 'KMS ホスト自身のキーがライセンス認証されていない' },
  'kms-host/not-activated.evidence': {
    en: '{n} 12290 answered 0xC004F041 (host not activated); last: {summary}',
    ja: '12290 のうち {n} 件が 0xC004F041 (ホストがライセンス認証されていない) を返しました。最後: {summary}',
  },
  'kms-host/not-activated.detail': {
    en: 'A KMS host must activate its own host key (CSVLK) with Microsoft before it activates anyone else.',
    ja: 'KMS ホストは、ほかのコンピューターをライセンス認証する前に、自身のホスト キー (CSVLK) をマイクロソフトでライセンス認証する必要があります。',
  },
  'kms-host/not-activated.remedy-online': { en: 'Activate the host online: {cmd}', ja: 'ホストをオンラインでライセンス認証します: {cmd}' },
  'kms-host/not-activated.remedy-phone': {
    en: 'If the host has no Internet access, activate by phone (slui.exe 4).',
    ja: 'ホストがインターネットに接続できない場合は、電話でライセンス認証します (slui.exe 4)。',
  },
  'kms-host/not-activated.remedy-check': { en: 'Check: {cmd}', ja: '確認します: {cmd}' },

  'kms-host/service-failed.title': { en: 'Key Management Service failed to start', ja: 'キー管理サービスの開始に失敗した' },
  'kms-host/service-failed.detail-start': {
    en: 'KMS failed to start; the host serves no clients until it starts. {codes}',
    ja: 'KMS の開始に失敗しました。開始するまでホストはどのクライアントにも応答しません。{codes}',
  },
  'kms-host/service-failed.detail-timer': {
    en: 'The KMS renewal timer could not be set up; the host serves no clients until it starts. {codes}',
    ja: 'KMS の更新タイマーを設定できませんでした。開始するまでホストはどのクライアントにも応答しません。{codes}',
  },
  'kms-host/service-failed.remedy-restart': {
    en: 'Restart the Software Protection service and check the Application log around the failure.',
    ja: 'ソフトウェア ライセンス サービスを再起動し、失敗の前後のアプリケーション イベント ログを確認します。',
  },
  'kms-host/service-failed.remedy-state': { en: "Check the host's state: {cmd}", ja: 'ホストの状態を確認します: {cmd}' },

  'kms-host/srv-only-first-host.title': { en: 'Only the first KMS host can publish the SRV record', ja: 'SRV リソース レコードを発行できるのは最初の KMS ホストだけ' },
  'kms-host/srv-only-first-host.detail': {
    en: '{hosts} {n|publishes|publish} the SRV record, but this host cannot update it. The first host to create _VLMCS owns the record; other hosts need rights on it.',
    ja: '{hosts} ({n} 台) は SRV リソース レコードを発行していますが、このホストは更新できません。_VLMCS を最初に作成したホストがレコードの所有者となり、ほかのホストにはそのレコードに対する権限が必要です。',
  },
  'kms-host/srv-only-first-host.evidence': { en: '{host}: {summary}', ja: '{host}: {summary}' },
  'kms-host/srv-only-first-host.remedy-rights': {
    en: 'In DNS, give every KMS host (for example a security group holding their computer accounts) Full Control on the _VLMCS record.',
    ja: 'DNS で、すべての KMS ホスト (たとえばそれらのコンピューター アカウントを含むセキュリティ グループ) に _VLMCS レコードのフル コントロールを与えます。',
  },
  'kms-host/srv-only-first-host.remedy-manual': {
    en: 'Or list the hosts in the record by hand and turn off publishing on the extra hosts (slmgr.vbs /cdns).',
    ja: 'または、ホストを手動でレコードに登録し、追加のホストでは発行を無効にします (slmgr.vbs /cdns)。',
  },
} as const satisfies Record<string, MessageText>;
