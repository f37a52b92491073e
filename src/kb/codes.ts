// Code entries made from the decode layer's HRESULT table. Hand-written articles in kb/codes/
// win over these; every other code Windows defines still gets an entry, so `explain` never
// answers "unknown" for a code the table knows.
import { allHresults, describeHresult, normalizeHresult } from '../decode/hresult.js';
import type { Article } from './article.js';

type HresultInfo = ReturnType<typeof describeHresult>;

interface CategoryAdvice {
  label: string;
  labelJa: string;
  /** What to look at first, in our words. */
  start: string;
  /** The same advice written in Japanese, in the guide's vocabulary (kb/glossary.tsv). */
  startJa: string;
  related: string[];
}

// Where a person should start for each family of codes in the reference table.
const CATEGORY_ADVICE: Record<string, CategoryAdvice> = {
  kms: {
    label: 'KMS activation',
    labelJa: 'KMS ライセンス認証',
    start:
      'Look at the KMS client events 12288/12289 on the client and 12290 on the host for the same time, then walk the KMS client checks.',
    startJa: '同じ時刻の KMS クライアント側のイベント 12288/12289 と、KMS ホスト側の 12290 を突き合わせ、KMS クライアントの確認項目を順に調べます。',
    related: ['kms-client/request-failed', 'event/12288', 'event/12289', 'event/12290'],
  },
  time: {
    label: 'clock',
    labelJa: '時刻',
    start: 'Compare the clock of the machine with the KMS host or with a reliable time source (UTC); fix time sync first.',
    startJa: 'コンピューターの時刻を KMS ホストまたは信頼できる時刻源 (UTC) と比べます。まず時刻同期を直してください。',
    related: ['kms-client/time-skew', 'code/0xC004F06C'],
  },
  key: {
    label: 'product key',
    labelJa: 'プロダクト キー',
    start: 'Check which key is installed (`slmgr /dli`: channel and last five characters) and whether it fits this edition.',
    startJa: 'インストールされているプロダクト キー (`slmgr /dli` のチャネルと末尾 5 文字) を確かめ、このエディションに合うキーかどうかを調べます。',
    related: ['procedure/read-slmgr-dli-dlv', 'kms-host/key-on-client'],
  },
  network: {
    label: 'network',
    labelJa: 'ネットワーク',
    start: 'The machine could not talk to the other end. Check name resolution, proxy, firewall and the ports the activation path needs.',
    startJa: '相手先と通信できませんでした。名前解決、プロキシ、ファイアウォール、ライセンス認証の経路が使うポートを確認します。',
    related: ['mak/online-activation-failed', 'kms-client/request-failed', 'procedure/open-kms-port'],
  },
  dns: {
    label: 'DNS',
    labelJa: 'DNS',
    start: 'Check the `_vlmcs._tcp` SRV record and the DNS servers the machine uses.',
    startJa: '`_vlmcs._tcp` の SRV リソース レコードと、そのコンピューターが使う DNS サーバーを確認します。',
    related: ['kms-client/dns-lookup-failed', 'procedure/check-srv-record'],
  },
  mak: {
    label: 'MAK activation',
    labelJa: 'MAK ライセンス認証',
    start: 'The Microsoft activation service refused or limited the key. Check the key in the Volume Licensing portal; phone activation may help.',
    startJa: 'マイクロソフトのライセンス認証サービスがキーを拒否したか、認証回数を制限しました。ボリューム ライセンスのポータルでキーを確認してください。電話によるライセンス認証で解決することもあります。',
    related: ['mak/ato-error', 'mak/activation-limit', 'procedure/vamt-proxy-activation'],
  },
  genuine: {
    label: 'genuine validation',
    labelJa: '正規品の検証',
    start: 'Read event 8209 for the reason, then follow the non-genuine recovery steps.',
    startJa: 'イベント 8209 で理由を確認し、正規品ではない状態から回復する手順に従います。',
    related: ['genuine/non-genuine', 'event/8209', 'procedure/recover-non-genuine'],
  },
  other: {
    label: 'licensing service',
    labelJa: 'ライセンス サービス',
    start: 'Run `slui.exe 0x2a <code>` on an affected machine for the local text, and check the license state with `slmgr /dlv`.',
    startJa: '問題のコンピューターで `slui.exe 0x2a <コード>` を実行してその環境のメッセージを表示し、`slmgr /dlv` でライセンスの状態を確認します。',
    related: ['error/unknown-code', 'procedure/read-slmgr-dli-dlv'],
  },
};

const FALLBACK_ADVICE = CATEGORY_ADVICE.other as CategoryAdvice;

/** The article id for an HRESULT in any spelling, or undefined when it is not an HRESULT. */
export function codeArticleId(input: string | number): string | undefined {
  const code = normalizeHresult(input);
  return code ? `code/${code}` : undefined;
}

export { describeHresult, normalizeHresult };

/** One generated article per code the decode table knows, skipping ids already written by hand. */
export function generatedCodeArticles(handWritten: ReadonlySet<string>): Article[] {
  const out: Article[] = [];
  for (const info of allHresults()) {
    const id = `code/${info.code}`;
    if (handWritten.has(id)) continue;
    out.push(codeArticle(info));
  }
  return out;
}

function isSuccessCode(code: string): boolean {
  return (parseInt(code.slice(2), 16) & 0x80000000) === 0;
}

function codeArticle(info: HresultInfo): Article {
  const advice = (info.category && CATEGORY_ADVICE[info.category]) || FALLBACK_ADVICE;
  const success = isSuccessCode(info.code);
  const symbol = info.symbol ?? '';
  const title = symbol ? `${info.code} ${symbol}` : info.code;
  const lines: string[] = [];
  if (info.meaning) lines.push(`**What it means.** ${info.meaning}`, '');
  if (success) {
    lines.push('**Not a failure.** The severity bit of this code is clear: Windows reports it for information or success.', '');
  } else if (info.meaning) {
    lines.push(`**Where to start (${advice.label}).** ${advice.start}`, '');
  } else {
    lines.push(
      `Windows defines this code${symbol ? ` as \`${symbol}\`` : ''}. volact has no troubleshooting notes of its own for it; ` +
        'it is rarely the first thing to chase in a volume activation problem.',
      '',
    );
  }
  lines.push(
    '**Local text.** On an affected machine, `slui.exe 0x2a ' + info.code + '` shows the message Windows has for it, in the language of that machine.',
  );
  const related = success ? ['procedure/read-slmgr-dli-dlv'] : info.meaning ? advice.related : ['error/unknown-code'];
  const kindJa = success ? 'コード' : 'エラー コード';
  return {
    bodyJa: japaneseBody(info, advice, success),
    id: `code/${info.code}`,
    title,
    kind: 'code',
    tags: ['error-code', info.category ?? 'other'],
    related,
    titleJa: symbol ? `${kindJa} ${info.code} (${symbol})` : `${kindJa} ${info.code}`,
    keywordsJa: [kindJa, advice.labelJa],
    keywords: symbol ? [symbol, info.code.slice(2)] : [info.code.slice(2)],
    body: lines.join('\n'),
    origin: 'generated',
  };
}

/** The Japanese twin of codeArticle's body; the meaning comes from data/hresults-ja.tsv. */
function japaneseBody(info: HresultInfo, advice: CategoryAdvice, success: boolean): string {
  const symbol = info.symbol ?? '';
  const lines: string[] = [];
  if (info.meaningJa) lines.push(`**意味:** ${info.meaningJa}`, '');
  else if (info.meaning) lines.push(`**意味:** このコードの日本語の説明はまだありません。英語の説明: ${info.meaning}`, '');
  if (success) {
    lines.push('**エラーではありません。** このコードは重大度ビットが立っていないため、情報または成功として報告されます。', '');
  } else if (info.meaning) {
    lines.push(`**最初に確認すること (${advice.labelJa}):** ${advice.startJa}`, '');
  } else {
    lines.push(
      `Windows はこのコードを${symbol ? ` \`${symbol}\` として` : ''}定義しています。volact にはこのコード固有のトラブルシューティング情報はなく、` +
        'ライセンス認証の問題でまず追うべきコードであることはまれです。',
      '',
    );
  }
  lines.push(`**その環境での説明:** 問題のコンピューターで \`slui.exe 0x2a ${info.code}\` を実行すると、そのコンピューターの表示言語で Windows のメッセージが表示されます。`);
  return lines.join('\n');
}
