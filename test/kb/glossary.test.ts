// kb/glossary.tsv: the guide's Japanese vocabulary, checked against the guide itself, and our
// Japanese text (articles, generated code entries, code meanings, source strings) checked against it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import { japaneseProse, loadGlossary, mentions, parseGlossary, usesTerm, wrongVariants, type GlossaryEntry } from '../../src/kb/glossary.js';
import { loadKb } from '../../src/kb/index.js';

const ROOT = new URL('../../', import.meta.url);
const GUIDE = fileURLToPath(new URL('../shared/seeds/000_0bf07abc51afb2ec.txt', ROOT));
const glossary = loadGlossary(fileURLToPath(new URL('kb/glossary.tsv', ROOT)));
const entries = glossary.entries;
const kb = loadKb();

describe('kb/glossary.tsv', () => {
  it('parses without problems, one row per English term', () => {
    expect(glossary.problems).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(50);
    const en = entries.map((e) => e.en);
    expect(new Set(en).size).toBe(en.length);
  });

  it.each([
    'ライセンス認証', 'ボリューム ライセンス認証', 'KMS ホスト', 'KMS クライアント', 'しきい値', '猶予期間', '通知モード',
    '正規品ではない', 'ライセンス認証の有効期間', 'プロダクト キー', '再初期化 (rearm)', 'ファイアウォールの例外',
    'SRV リソース レコード', 'フェールオーバー', 'マルチ ライセンス認証キー (MAK)', 'クライアント コンピューター ID (CMID)',
  ])('has the term %s', (term) => {
    expect(entries.some((e) => e.ja === term || e.accepted.includes(term))).toBe(true);
  });

  it('reports malformed rows with their line', () => {
    const header = 'en\tja\taccepted\tguide_text\tguide_line\tguide_section\tavoid\tnote';
    const parsed = parseGlossary(`${header}\nthreshold\tしきい値\t\tしきい値\tsix\t要約\t\t\nx\ty\n`);
    expect(parsed.problems).toEqual([
      'kb/glossary.tsv: line 2: guide_line must be a line number, found "six"',
      'kb/glossary.tsv: line 3: expected 8 tab-separated cells, found 2',
    ]);
    expect(parseGlossary('en\tja\n').problems[0]).toMatch(/^kb\/glossary\.tsv: line 1: expected the columns en, ja, accepted/);
  });
});

describe.skipIf(lacks('the guide in ../shared/seeds', existsSync(GUIDE)))('every term is where the glossary says it is in the guide', () => {
  // The guide has no-break spaces in places ("Windows\u00A07"); the glossary writes plain spaces.
  const guide = existsSync(GUIDE) ? readFileSync(GUIDE, 'utf8').replace(/\u00A0/g, ' ').split(/\r?\n/) : [];

  it('finds guide_text on guide_line', () => {
    const off = entries
      .filter((e) => !(guide[e.guideLine - 1] ?? '').includes(e.guideText))
      .map((e) => `${e.en}: "${e.guideText}" is not on line ${e.guideLine}`);
    expect(off).toEqual([]);
  });

  it('names sections that are headings of the guide, above the line given', () => {
    const off: string[] = [];
    for (const e of entries) {
      const heading = e.guideSection.replace(/\s*\(表 \d+\)$/, '');
      const at = guide.findIndex((line) => line.replace(/^\[bookmark:[^\]]*\]|\[bookmark:[^\]]*\]/g, '').trim().startsWith(heading));
      if (at < 0 || at + 1 > e.guideLine) off.push(`${e.en}: section "${e.guideSection}" (found at line ${at + 1}) does not precede line ${e.guideLine}`);
    }
    expect(off).toEqual([]);
  });
});

describe('Japanese text avoids the wrong variants', () => {
  it('in article titles, keywords and bodies (hand-written and generated)', () => {
    const found: string[] = [];
    for (const a of kb.articles) {
      for (const [where, text] of [['title', a.titleJa], ['keywords', a.keywordsJa.join(' / ')], ['body', a.bodyJa ?? '']] as const) {
        for (const w of wrongVariants(text, entries)) found.push(`${a.id} ${where}: ${w}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('in Japanese strings of the source and data files (Windows\' own slmgr labels excepted)', () => {
    const src = fileURLToPath(new URL('src/', ROOT));
    const found: string[] = [];
    for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      // The slmgr and ipconfig label tables mirror what Windows prints, spelling included.
      if (!/\.(ts|tsv|json)$/.test(file) || /data[\\/](slmgr[\\/]|ipconfig-labels)/.test(file)) continue;
      for (const w of wrongVariants(readFileSync(src + file, 'utf8'), entries, (t) => t)) found.push(`src/${file}: ${w}`);
    }
    expect(found).toEqual([]);
  });

  it('ignores commands and quoted labels, and right terms that contain a variant', () => {
    expect(wrongVariants('ボリューム アクティベーションの展開ガイドと `プロダクトキーの証明書 URL`', entries)).toEqual([]);
    expect(wrongVariants('KMSホストのアクティベーション', entries)).toEqual([
      'アクティベーション (say: ライセンス認証)',
      'KMSホスト (say: KMS ホスト)',
    ]);
  });
});

describe('Japanese article bodies use the glossary terms', () => {
  it('renders every glossary term an English body uses with the Japanese term (or an accepted one)', () => {
    const missing: string[] = [];
    for (const a of kb.articles.filter((x) => x.origin !== 'generated' && x.bodyJa !== undefined)) {
      const english = japaneseProse(a.body);
      const japanese = japaneseProse(a.bodyJa as string);
      for (const e of entries) {
        if (mentions(english, e, entries) && !usesTerm(japanese, e)) missing.push(`${a.origin}: "${e.en}" → ${e.ja}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('tells the name "Volume Activation" from the act, and skips terms inside longer ones', () => {
    const byEn = (en: string) => entries.find((e) => e.en === en) as GlossaryEntry;
    expect(mentions('Volume activation needs a KMS host.', byEn('volume activation'), entries)).toBe(true);
    expect(mentions('See the Volume Activation Deployment Guide.', byEn('volume activation'), entries)).toBe(false);
    expect(mentions('Open VAMT (Volume Activation Management Tool).', byEn('Volume Activation'), entries)).toBe(false);
    expect(mentions('The grace period ends.', byEn('grace period'), entries)).toBe(true);
    expect(mentions('The non-genuine grace period ends.', byEn('grace period'), entries)).toBe(false);
    expect(usesTerm('ライセンス認証のしきい値に届かない', byEn('activation threshold'))).toBe(true);
    expect(usesTerm('閾値に届かない', byEn('activation threshold'))).toBe(false);
  });
});
