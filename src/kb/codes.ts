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
  related: string[];
}

// Where a person should start for each family of codes in the reference table.
const CATEGORY_ADVICE: Record<string, CategoryAdvice> = {
  kms: {
    label: 'KMS activation',
    labelJa: 'KMS ライセンス認証',
    start:
      'Look at the KMS client events 12288/12289 on the client and 12290 on the host for the same time, then walk the KMS client checks.',
    related: ['kms-client/request-failed', 'event/12288', 'event/12289', 'event/12290'],
  },
  time: {
    label: 'clock',
    labelJa: '時刻',
    start: 'Compare the clock of the machine with the KMS host or with a reliable time source (UTC); fix time sync first.',
    related: ['kms-client/time-skew', 'code/0xC004F06C'],
  },
  key: {
    label: 'product key',
    labelJa: 'プロダクト キー',
    start: 'Check which key is installed (`slmgr /dli`: channel and last five characters) and whether it fits this edition.',
    related: ['procedure/read-slmgr-dli-dlv', 'kms-host/key-on-client'],
  },
  network: {
    label: 'network',
    labelJa: 'ネットワーク',
    start: 'The machine could not talk to the other end. Check name resolution, proxy, firewall and the ports the activation path needs.',
    related: ['mak/online-activation-failed', 'kms-client/request-failed', 'procedure/open-kms-port'],
  },
  dns: {
    label: 'DNS',
    labelJa: 'DNS',
    start: 'Check the `_vlmcs._tcp` SRV record and the DNS servers the machine uses.',
    related: ['kms-client/dns-lookup-failed', 'procedure/check-srv-record'],
  },
  mak: {
    label: 'MAK activation',
    labelJa: 'MAK ライセンス認証',
    start: 'The Microsoft activation service refused or limited the key. Check the key in the Volume Licensing portal; phone activation may help.',
    related: ['mak/ato-error', 'mak/activation-limit', 'procedure/vamt-proxy-activation'],
  },
  genuine: {
    label: 'genuine validation',
    labelJa: '正規品の検証',
    start: 'Read event 8209 for the reason, then follow the non-genuine recovery steps.',
    related: ['genuine/non-genuine', 'event/8209', 'procedure/recover-non-genuine'],
  },
  other: {
    label: 'licensing service',
    labelJa: 'ライセンス サービス',
    start: 'Run `slui.exe 0x2a <code>` on an affected machine for the local text, and check the license state with `slmgr /dlv`.',
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
