// What the CLI itself says on stderr: usage errors and verdicts (src/cli). Help text stays English (see README).
import type { MessageText } from '../types.js';

export const CLI = {
  'cli.error': { en: 'volact: {message}', ja: 'volact: {message}' },
  'cli.expects-one-of': { en: '{option} expects one of {allowed}, found {found}', ja: '{option} には {allowed} のいずれかを指定します。指定された値: {found}' },
  'cli.expects-now': {
    en: '--now expects an ISO-8601 time such as 2024-03-08T00:00:00Z, found {found}',
    ja: '--now には 2024-03-08T00:00:00Z のような ISO-8601 形式の時刻を指定します。指定された値: {found}',
  },
  'cli.expects-tz': {
    en: '--tz expects an IANA time zone such as Asia/Tokyo, or an offset such as +09:00, found {found}',
    ja: '--tz には Asia/Tokyo のような IANA のタイム ゾーン名か、+09:00 のようなオフセットを指定します。指定された値: {found}',
  },
  'cli.expects-threads': { en: '--threads expects a whole number from 0 to 64, found {found}', ja: '--threads には 0 から 64 までの整数を指定します。指定された値: {found}' },
  'cli.expects-group-min': { en: '--group-min expects a whole number (0 groups nothing), found {found}', ja: '--group-min には整数を指定します (0 はグループ化しない)。指定された値: {found}' },
  'cli.expects-group-share': {
    en: '--group-share expects a share above 0 and at most 1, or a percentage (0.8, 80%), found {found}',
    ja: '--group-share には 0 より大きく 1 以下の割合、または百分率 (0.8、80%) を指定します。指定された値: {found}',
  },
  'cli.timeline-which': { en: 'timeline needs either --machine NAME or --all', ja: 'timeline には --machine NAME または --all のどちらか一方を指定します' },
  'cli.timeline-html-all': { en: '-f html draws the fleet: use it with --all', ja: '-f html は全体を描画します。--all と一緒に指定します' },
  'cli.timeline-no-machine': {
    en: 'no machine {name} in the input; machines: {names}{more? and {more} more}',
    ja: '入力にコンピューター {name} がありません。コンピューター: {names}{more? ほか {more} 台}',
  },
  'cli.group-line': { en: 'volact {command}: likely shared cause: {text}', ja: 'volact {command}: 共通の原因の候補: {text}' },
  'cli.groups-more': { en: 'volact {command}: {n} more likely shared causes are in the report', ja: 'volact {command}: 共通の原因の候補はほかに {n} 件あります (レポートを参照)' },
  'cli.expects-limit': { en: '--limit expects a whole number of 1 or more, found {found}', ja: '--limit には 1 以上の整数を指定します。指定された値: {found}' },
  'cli.expects-events-format': { en: '--format expects jsonl or csv, found {found}', ja: '--format には jsonl または csv を指定します。指定された値: {found}' },
  'cli.fail-on-new-needs-baseline': { en: '--fail-on-new needs --baseline <previous.json>', ja: '--fail-on-new には --baseline <previous.json> が必要です' },
  'cli.baseline-unreadable': { en: '--baseline {file}: cannot read it ({why})', ja: '--baseline {file}: 読み取れません ({why})' },
  'cli.no-such-file': { en: 'no such file', ja: 'ファイルがありません' },
  'cli.nothing-readable': {
    en: 'volact: nothing in {n|the input|the # inputs} could be read, so no machine was judged; the report holds an input/unreadable finding for each file (volact explain input/unreadable)',
    ja: 'volact: 入力 {n} 件のどれも読み取れなかったため、どのコンピューターも判定していません。レポートにはファイルごとに input/unreadable の検出事項があります (volact explain input/unreadable)',
  },
  'cli.nothing-judged': {
    en: 'volact: {n|the input names|the # inputs name} no machine with activation evidence, so no machine was judged',
    ja: 'volact: 入力 {n} 件にライセンス認証の根拠を持つコンピューターがないため、どのコンピューターも判定していません',
  },
  'cli.unread-file': { en: 'volact: {file}: {reason}', ja: 'volact: {file}: {reason}' },
  'cli.unread-more': { en: 'volact: … and {n|# more file|# more files}', ja: 'volact: … ほか {n} 個のファイル' },
  'cli.check-failing': {
    en: 'volact {command}: {what} on {machines|# machine|# machines}{causes?, from {causes|# cause|# causes}}{unread?; {unread}}',
    ja: 'volact {command}: {what}がコンピューター {machines} 台にあります{causes? (原因 {causes} 件)}{unread?。{unread}}',
  },
  'cli.check-passing': { en: 'volact {command}: no finding at or above {level}{unread?; {unread}}', ja: 'volact {command}: {level} 以上の検出事項はありません{unread?。{unread}}' },
  'cli.check-passing-new': { en: 'volact {command}: no new finding at or above {level}{unread?; {unread}}', ja: 'volact {command}: {level} 以上の新しい検出事項はありません{unread?。{unread}}' },
  'cli.check-what': { en: '{count|# finding|# findings} at or above {level}', ja: '{level} 以上の検出事項 {count} 件' },
  'cli.check-what-new': { en: '{count|# new finding|# new findings} at or above {level}', ja: '{level} 以上の新しい検出事項 {count} 件' },
  'cli.show-machine-empty': {
    en: '--show-machine expects a machine name or a glob, found an empty value',
    ja: '--show-machine にはコンピューター名またはグロブを指定します。空の値が指定されました',
  },
  'cli.expects-evidence': {
    en: '--evidence expects a whole number of 0 or more, or all, found {found}',
    ja: '--evidence には 0 以上の整数または all を指定します。指定された値: {found}',
  },
  'cli.show-machine-unmatched': {
    en: 'volact: --show-machine {glob} matched no machine of the report',
    ja: 'volact: --show-machine {glob} に一致するコンピューターはレポートにありません',
  },
  /** A path that could not be opened, with why (one of cli.path.*). */
  'cli.path-problem': { en: 'volact: {file}: {reason}', ja: 'volact: {file}: {reason}' },
  'cli.path.no-such': { en: 'no such file or folder', ja: 'そのようなファイルまたはフォルダーはありません' },
  'cli.path.denied': { en: 'permission denied', ja: 'アクセスが拒否されました' },
  'cli.path.is-folder': { en: 'is a folder', ja: 'フォルダーです' },
  'cli.path.empty-folder': { en: 'the folder holds no files', ja: 'フォルダーにファイルがありません' },
  'cli.path.no-match': { en: 'the pattern matches no file', ja: 'パターンに一致するファイルがありません' },
  'cli.path.other': { en: '{why}', ja: '{why}' },
  'cli.expects-timeout': { en: '--timeout expects milliseconds from 1 to 120000, found {found}', ja: '--timeout には 1 から 120000 までのミリ秒を指定します。指定された値: {found}' },
  'cli.probe-no-domain': {
    en: "probe: no domain given and this machine's DNS suffix is unknown; pass the domain, e.g. volact probe corp.contoso.com",
    ja: 'probe: ドメインが指定されておらず、このコンピューターの DNS サフィックスも分かりません。ドメインを指定してください (例: volact probe corp.contoso.com)',
  },
  'cli.probe-bad-domain': { en: 'probe: {domain} is not a DNS domain name', ja: 'probe: {domain} は DNS のドメイン名ではありません' },
  'cli.endpoint-expected': { en: '{what} expects name[:port] or IP[:port], found {found}', ja: '{what} には name[:port] または IP[:port] を指定します。指定された値: {found}' },
  'cli.endpoint-port': { en: '{what}: port must be 1..65535, found {found}', ja: '{what}: ポートは 1～65535 で指定します。指定された値: {found}' },
  'cli.cannot-write': { en: 'cannot write {file}: {why}', ja: '{file} に書き込めません: {why}' },
  'cli.fs.ENOENT': { en: 'the folder does not exist ({code})', ja: 'フォルダーが存在しません ({code})' },
  'cli.fs.ENOTDIR': { en: 'a part of the path is a file, not a folder ({code})', ja: 'パスの途中がフォルダーではなくファイルです ({code})' },
  'cli.fs.EACCES': { en: 'permission denied ({code})', ja: 'アクセスが拒否されました ({code})' },
  'cli.fs.EPERM': { en: 'permission denied ({code})', ja: 'アクセスが拒否されました ({code})' },
  'cli.fs.EISDIR': { en: 'it is a folder ({code})', ja: 'フォルダーです ({code})' },
  'cli.fs.EROFS': { en: 'the file system is read-only ({code})', ja: 'ファイル システムが読み取り専用です ({code})' },
  'cli.fs.ENOSPC': { en: 'no space left on the device ({code})', ja: 'デバイスに空き領域がありません ({code})' },
  'cli.search-needs-query': { en: 'search needs a query', ja: 'search には検索語が必要です' },
  'cli.search-no-match': { en: 'volact: no article matches {query}', ja: 'volact: {query} に一致する記事はありません' },
  'cli.explain-no-event': {
    en: 'volact: no article for event id {id}; `volact search event` lists the events volact decodes',
    ja: 'volact: イベント ID {id} の記事はありません。volact が解析するイベントは `volact search event` で一覧できます',
  },
  'cli.explain-unknown-code': {
    en: "volact: {code} is not a licensing code volact or Windows' licensing tables know.",
    ja: 'volact: {code} は volact にも Windows のライセンスの表にもないコードです。',
  },
  'cli.explain-unknown-code-hint': {
    en: 'On a Windows machine, {cmd} shows the local text.',
    ja: 'Windows コンピューターでは {cmd} でローカルの説明を表示できます。',
  },
  'cli.explain-win32-hint': {
    en: 'The code wraps a Windows error number: {cmd} names it.',
    ja: 'このコードは Windows のエラー番号を含みます。{cmd} でその説明を表示できます。',
  },
  'cli.explain-nothing': { en: 'volact: nothing to explain for {shown}; try `volact search {shown}`', ja: 'volact: {shown} について説明できるものはありません。`volact search {shown}` を試してください' },
  'cli.progress': { en: 'volact: read {done} of {total|# file|# files}', ja: 'volact: {total} 個中 {done} 個のファイルを読み取りました' },
  'cli.event-warning': { en: 'volact: {file}: {where}: warning: {reason}', ja: 'volact: {file}: {where}: 警告: {reason}' },
  'cli.event-rejected': { en: 'volact: {file}: {where}: {reason}', ja: 'volact: {file}: {where}: {reason}' },
  'baseline.not-json': {
    en: '{file}: the baseline is not JSON ({why}); pass a report written by `volact check --reporter json` or `volact analyze -f json`',
    ja: '{file}: ベースラインが JSON ではありません ({why})。`volact check --reporter json` または `volact analyze -f json` で書いたレポートを指定してください',
  },
  'baseline.not-report': {
    en: '{file}: the baseline is not a volact JSON report (expected an object with schemaVersion and findings)',
    ja: '{file}: ベースラインが volact の JSON レポートではありません (schemaVersion と findings を持つオブジェクトが必要です)',
  },
  'baseline.no-schema': {
    en: '{file}: the baseline has no schemaVersion, so it is not a volact JSON report',
    ja: '{file}: ベースラインに schemaVersion がないため、volact の JSON レポートではありません',
  },
  'baseline.by-version': { en: ' (volact {version})', ja: ' (volact {version})' },
  'baseline.older-schema': {
    en: '{file}: the baseline was written with an older report format, schemaVersion {found}{by}; this volact reads schemaVersion {reads}. Run this volact over the previous snapshot to write a new baseline, or drop --baseline for this run.',
    ja: '{file}: ベースラインは古いレポート形式 (schemaVersion {found}{by}) で書かれています。この volact が読めるのは schemaVersion {reads} です。前回のスナップショットをこの volact で分析して新しいベースラインを作るか、今回は --baseline を外してください。',
  },
  'baseline.newer-schema': {
    en: '{file}: the baseline was written with a newer report format, schemaVersion {found}{by}; this volact reads schemaVersion {reads}. Run this volact over the previous snapshot to write a new baseline, or drop --baseline for this run.',
    ja: '{file}: ベースラインは新しいレポート形式 (schemaVersion {found}{by}) で書かれています。この volact が読めるのは schemaVersion {reads} です。前回のスナップショットをこの volact で分析して新しいベースラインを作るか、今回は --baseline を外してください。',
  },
  'baseline.bad-findings': {
    en: "{file}: the baseline's findings are missing or malformed (each needs rule, severity and title)",
    ja: '{file}: ベースラインの findings がないか形式が正しくありません (それぞれに rule、severity、title が必要です)',
  },
} as const satisfies Record<string, MessageText>;
