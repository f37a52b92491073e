// One place that wires lunr with lunr-languages (English + Japanese), so the index builder,
// the serialized-index loader and the query tokenizer all use the same pipeline functions.
import { createRequire } from 'node:module';
import lunr from 'lunr';

const require = createRequire(import.meta.url);
type Plugin = (l: typeof lunr) => void;

let ready = false;

function setUp(): void {
  if (ready) return;
  (require('lunr-languages/lunr.stemmer.support.js') as Plugin)(lunr);
  (require('lunr-languages/tinyseg.js') as Plugin)(lunr);
  (require('lunr-languages/lunr.ja.js') as Plugin)(lunr);
  (require('lunr-languages/lunr.multi.js') as Plugin)(lunr);
  ready = true;
}

export interface LunrKit {
  lunr: typeof lunr;
  /** Plugin for lunr.Builder#use: English + Japanese pipeline and tokenizer. */
  plugin: lunr.Builder.Plugin;
  /** Splits text the way the index did (whitespace words plus Japanese segments). */
  tokenize: (text: string) => lunr.Token[];
  /** The indexing pipeline minus stemming: trimmer and stop-word filters. */
  normalize: lunr.Pipeline;
}

let kit: LunrKit | undefined;

// Hiragana-only segments that are grammar (inflections, particles), not content: as query
// words they would match nearly every Japanese text.
const JAPANESE_NOISE = new Set(
  'ませ ます ない する した して され られ れる です でき ので から まで こと もの ため よう という など ある いる なる れ さ ん'.split(' '),
);
const HIRAGANA_ONLY = /^[\u3040-\u309F]+$/;

function isContentSegment(seg: string): boolean {
  if (seg.trim() === '') return false;
  if (!HIRAGANA_ONLY.test(seg)) return true;
  return seg.length >= 2 && !JAPANESE_NOISE.has(seg);
}

// Japanese script: kana, CJK ideographs, the iteration mark, half-width katakana.
const JAPANESE = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\u3005\uFF66-\uFF9F]/;

export function lunrKit(): LunrKit {
  if (kit) return kit;
  setUp();
  const multi = lunr as unknown as { multiLanguage: (...langs: string[]) => lunr.Builder.Plugin };
  const languages = multi.multiLanguage('en', 'ja');
  const segmenter = new (lunr as unknown as { TinySegmenter: new () => { segment: (s: string) => string[] } }).TinySegmenter();

  // lunr-languages' combined tokenizer runs the Japanese segmenter over every word, which also
  // cuts "0xc004f074" and "sl_e_vl_not_enough_count" at each change of character class. Ours
  // keeps lunr's whitespace words and adds segments only for words that contain Japanese.
  const tokenize = (text: string): lunr.Token[] => {
    const words = lunr.tokenizer(text);
    const out: lunr.Token[] = [];
    const seen = new Set<string>();
    const push = (token: lunr.Token) => {
      const key = token.toString();
      if (key === '' || seen.has(key)) return;
      seen.add(key);
      out.push(token);
    };
    for (const word of words) {
      push(word);
      const str = word.toString();
      if (!JAPANESE.test(str)) continue;
      for (const seg of segmenter.segment(str)) {
        if (isContentSegment(seg)) push(new lunr.Token(seg, {}));
      }
    }
    return out;
  };

  const plugin: lunr.Builder.Plugin = function (this: lunr.Builder, builder: lunr.Builder) {
    languages.call(builder, builder);
    (builder as unknown as { tokenizer: typeof tokenize }).tokenizer = tokenize;
  };

  // The indexing pipeline without its stemmer: queries go through it first, then through
  // the search pipeline (stemmers) inside lunr.
  const scratch = new lunr.Builder();
  plugin.call(scratch, scratch);
  const normalize = new lunr.Pipeline();
  const stages = (scratch.pipeline as unknown as { _stack: lunr.PipelineFunction[] })._stack;
  for (const fn of stages) {
    if (fn !== lunr.stemmer) normalize.add(fn);
  }
  kit = { lunr, plugin, tokenize, normalize };
  return kit;
}
