// The message catalog: every message in both languages with the same placeholders, one id per message,
// every rule and walk step spoken for, and the formatting (plural, lists, Intl numbers, times, durations).
import { describe, expect, it } from 'vitest';
import { RULES, ruleMessages } from '../../src/diagnose/index.js';
import {
  CATALOG,
  CATALOG_PARTS,
  count,
  duration,
  explain,
  langFromEnv,
  list,
  pickLang,
  placeholders,
  time,
  window,
  type MessageText,
} from '../../src/messages/index.js';
import { MESSAGES } from '../../src/report/index.js';

const render = MESSAGES.render.bind(MESSAGES);

// The whole catalog: ours and every rule's words.
const entries = [...MESSAGES.ids()].map((id): [string, MessageText] => [id, MESSAGES.get(id)!]);
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

describe('message catalog', () => {
  it('every message has English and Japanese text', () => {
    const missing = entries.filter(([, t]) => !t.en.trim() || !t.ja.trim()).map(([id]) => id);
    expect(missing).toEqual([]);
  });

  it('Japanese texts are Japanese (except templates that only place values)', () => {
    const onlyValues = (t: string): boolean => t.replace(/\{[^}]*\}/g, '').replace(/[\s.,:;()'"/<>=|·…-]/g, '') === '' || /^[A-Za-z0-9 ./{}():=,_<>?-]+$/.test(t);
    const english = entries.filter(([, t]) => !JAPANESE.test(t.ja) && !(onlyValues(t.en) && onlyValues(t.ja))).map(([id, t]) => `${id}: ${t.ja}`);
    expect(english).toEqual([]);
  });

  it('placeholders are the same in both languages', () => {
    const differ = entries.filter(([, t]) => placeholders(t.en).join() !== placeholders(t.ja).join()).map(([id, t]) => `${id}: en ${placeholders(t.en)} / ja ${placeholders(t.ja)}`);
    expect(differ).toEqual([]);
  });

  it('ids are unique across the catalog files and the rules', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    const parts = { ...CATALOG_PARTS, ...Object.fromEntries(RULES.map((r) => [r.meta.id, ruleMessages([r])])) };
    for (const [part, messages] of Object.entries(parts)) {
      for (const id of Object.keys(messages)) {
        if (seen.has(id)) clashes.push(`${id} in ${seen.get(id)} and ${part}`);
        seen.set(id, part);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('every rule has a title message, in the whole catalog under the rule id', () => {
    for (const rule of RULES) {
      expect(MESSAGES.get(`${rule.meta.id}.title`), rule.meta.id).toBe(rule.meta.messages.title);
      // The engine's note on a stale machine's findings keeps the id it always had (src/messages/catalog/diagnose.ts).
      const elsewhere = Object.keys(CATALOG).filter((id) => id.startsWith(`${rule.meta.id}.`) && id !== 'input/stale-export.extrapolated');
      expect(elsewhere, `${rule.meta.id}: its words sit in its file`).toEqual([]);
    }
  });

  it('English counts are pluralised: a bare {n} before a counted noun would say "1 machines", "1 files"', () => {
    // A number placed straight before a plural noun must pick its form ({n|# file|# files}); Japanese has none.
    const NOUNS = 'machines|files|inputs|records|rows|requests|minutes|days|hours|errors|warnings|CMIDs|sections|times|lines|findings|clients|hosts|events';
    const bare = new RegExp(`\\{\\w+\\} (more |distinct |\\d+ )?(${NOUNS})\\b`);
    const found = entries.filter(([, t]) => bare.test(t.en)).map(([id, t]) => `${id}: ${t.en}`);
    expect(found).toEqual([]);
  });

  it('the whole catalog is ours plus every rule\'s words, nothing else', () => {
    expect(MESSAGES.has('kms-client/no-response.detail')).toBe(true);
    expect([...MESSAGES.ids()].length).toBe(Object.keys(CATALOG).length + Object.keys(ruleMessages(RULES)).length);
  });
});

describe('rendering', () => {
  it('fills named placeholders and picks the English plural', () => {
    expect(render({ id: 'kms-client/no-response.detail', data: { n: 1, hosts: list(['kms01:1688']), last: time(0) } }, 'en')).toMatch(
      /^1 request to kms01:1688 \(last at 1970-01-01 00:00 UTC\) got no 12289 back\./,
    );
    expect(render({ id: 'kms-client/no-response.detail', data: { n: 3, hosts: list(['a', 'b']), last: time(0) } }, 'en')).toMatch(/^3 requests to a, b /);
    expect(render({ id: 'kms-client/no-response.detail', data: { n: 3, hosts: list(['a', 'b']), last: time(0) } }, 'ja')).toMatch(/^a、b への 3 件の要求 \(最後は 1970\/01\/01 00:00 UTC\)/);
  });

  it('leaves out an optional section without its value, and formats :code values as labels', () => {
    const base = { result: '0xC004F038', host: 'kms01:1688', cmid: 'c1' };
    expect(render({ id: 'evidence.kms-request', data: base }, 'en')).toBe('12288 result 0xC004F038 (SL_E_VL_NOT_ENOUGH_COUNT), KMS host kms01:1688, CMID c1');
    expect(render({ id: 'evidence.kms-request', data: { ...base, state: 2, stateName: 'OOBGrace', required: 25, flags: '' } }, 'ja')).toBe(
      '12288 の結果 0xC004F038 (SL_E_VL_NOT_ENOUGH_COUNT)、KMS ホスト kms01:1688、CMID c1、ライセンスの状態 2 (OOBGrace)、必要数 25',
    );
  });

  it('inserts values as text: a value that looks like a placeholder or markup stays as it is', () => {
    const text = render({ id: 'walk.note.found-host', data: { host: '{host} <b>x</b> $& $1' } }, 'en');
    expect(text).toBe('The client found {host} <b>x</b> $& $1.');
  });

  it('fails loudly on an unknown id or a missing value', () => {
    expect(() => render({ id: 'no/such.message' }, 'en')).toThrow(/not in the catalog/);
    expect(() => render({ id: 'walk.note.found-host' }, 'en')).toThrow(/no value for \{host\}/);
  });

  it('formats counts, durations and times per language with Intl; times stay in UTC and say so', () => {
    expect(render({ id: 'report.andMore', data: { n: count(12345) } }, 'en')).toBe('… and 12345 more');
    expect(render({ id: 'report.andMore', data: { n: count(12345) } }, 'ja')).toBe('… ほか 12,345 件');
    expect(render({ id: 'kms-client/time-skew.ahead', data: { by: duration(4.5 * 3600_000) } }, 'en')).toBe(', host clock ahead of the client by 4.5 h');
    expect(render({ id: 'kms-client/time-skew.ahead', data: { by: duration(4.5 * 3600_000) } }, 'ja')).toBe('、ホストの時刻がクライアントより 4.5 時間 進んでいる');
    expect(render({ id: 'walk.note.found-host', data: { host: duration(3 * 86_400_000) } }, 'ja')).toBe('クライアントは 3 日 を見つけました。');
    const at = Date.parse('2024-03-01T23:30:00Z');
    expect(render({ id: 'walk.note.last-12290', data: { at: time(at) } }, 'en')).toBe('Last 12290 at 2024-03-01 23:30 UTC.');
    expect(render({ id: 'walk.note.last-12290', data: { at: time('2024-03-01T23:30:00+09:00') } }, 'ja')).toBe('最後の 12290 は 2024/03/01 14:30 UTC。');
    expect(render({ id: 'walk.collect.kms-log-window', data: { window: window(at, at + 3600_000) } }, 'en')).toBe(' covering 2024-03-01 23:30 UTC – 2024-03-02 00:30 UTC');
    expect(render({ id: 'walk.collect.kms-log-window', data: { window: window(at - 3600_000, at) } }, 'ja')).toBe(' (2024/03/01 22:30–23:30 UTC を含む) ');
  });

  it('explains codes: English meaning from the tables; in Japanese the label and where to read more when no Japanese meaning is known', () => {
    const en = render({ id: 'common.sentences', data: { items: { sentences: [explain('0xC004F038'), explain('0xDEADBEEF')] } } }, 'en');
    expect(en).toMatch(/^0xC004F038 \(SL_E_VL_NOT_ENOUGH_COUNT\): .+ 0xDEADBEEF: no description in our tables$/);
    const ja = render({ id: 'common.sentences', data: { items: { sentences: [explain('0xDEADBEEF')] } } }, 'ja');
    expect(ja).toBe('0xDEADBEEF: volact の表に説明がありません');
    // Codes with a Japanese meaning (src/decode/data/hresults-ja.tsv) are explained in Japanese.
    expect(render({ id: 'common.sentences', data: { items: { sentences: [explain('0xC004F038')] } } }, 'ja')).toMatch(/^0xC004F038 \(SL_E_VL_NOT_ENOUGH_COUNT\): .*[\u3040-\u30ff]/);
  });
});

describe('language choice', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG; ja_JP.* and ja mean Japanese; anything else English', () => {
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LANG: 'ja' })).toBe('ja');
    expect(langFromEnv({ LANG: 'ja_JP.eucJP' })).toBe('ja');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'java' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LC_ALL: 'C', LC_MESSAGES: 'ja_JP.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: 'ja_JP.UTF-8' })).toBe('ja');
  });

  it('--lang wins over the environment; an unknown value is the caller’s usage error', () => {
    expect(pickLang('en', { LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(pickLang('ja', { LANG: 'C' })).toBe('ja');
    expect(pickLang(undefined, { LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(pickLang('fr', {})).toBeUndefined();
  });
});
