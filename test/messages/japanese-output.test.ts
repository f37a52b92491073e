// `--lang ja` speaks Japanese end to end: on every fixture scenario, the Markdown and HTML reports of
// `volact analyze` and the report of `volact check` hold no English sentence outside commands, identifiers,
// codes and values from the input. Input values are collected from the analysis itself (every string a
// fact carries, file names, machine names, and the readers' rejection texts, which are out of the
// catalog's scope: see source-scan.test.ts) and removed before the text is searched for sentences.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analyze.js';
import { runCli } from '../cli/run-cli.js';

/** Three words in a row, the last two lower-case: "is not activated", "the host count". */
const SENTENCE = /\b[A-Za-z][a-z]+(?:'[a-z]+)?[ \u00a0]+[a-z]{2,}[ \u00a0]+[a-z]{2,}\b/g;
const DEFAULT_NOW = '2024-03-07T12:00:00Z';

interface Scenario {
  dir: string;
  now: string;
}

function nowOf(expectFile: string): string {
  if (!existsSync(expectFile)) return DEFAULT_NOW;
  const now = (JSON.parse(readFileSync(expectFile, 'utf8')) as { now?: string }).now;
  return now ?? DEFAULT_NOW;
}

function scenarios(): Scenario[] {
  const out: Scenario[] = [{ dir: 'fixtures/example', now: DEFAULT_NOW }];
  for (const name of readdirSync('fixtures/scenarios')) {
    const dir = path.join('fixtures/scenarios', name);
    if (statSync(dir).isDirectory()) out.push({ dir, now: nowOf(`${dir}.expect.json`) });
  }
  // Fleets whose failing machines share a likely cause: the groups section speaks Japanese too.
  for (const name of readdirSync('fixtures/groups')) {
    const dir = path.join('fixtures/groups', name);
    if (statSync(dir).isDirectory()) out.push({ dir, now: DEFAULT_NOW });
  }
  out.push({ dir: 'fixtures/timeline/two-hosts', now: DEFAULT_NOW });
  for (const rule of readdirSync('fixtures/rules')) {
    for (const kind of ['fires', 'quiet']) {
      const dir = path.join('fixtures/rules', rule, kind);
      if (existsSync(dir)) out.push({ dir, now: nowOf(`${dir}.expect.json`) });
    }
  }
  // Real pastes, each read as one machine's input: their findings use the paste readers' words.
  for (const name of readdirSync('fixtures/paste').filter((n) => n.endsWith('.txt'))) out.push({ dir: path.join('fixtures/paste', name), now: DEFAULT_NOW });
  return out;
}

function snapshots(): string[] {
  return readdirSync('fixtures/snapshots')
    .map((name) => path.join('fixtures/snapshots', name))
    .filter((dir) => statSync(dir).isDirectory());
}

/** Every string the input gave: what a report may quote in any language. */
function inputValues(a: Analysis): string[] {
  const values = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.trim()) values.add(v);
    } else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const m of a.fleet.machines) {
    collect(m.name);
    collect(m.facts);
  }
  for (const i of a.inputs) collect([i.file, i.rejected, i.warnings ?? [], i.unknownLines ?? []]);
  return [...values].sort((x, y) => y.length - x.length);
}

function plainText(output: string, html: boolean): string {
  let text = output;
  if (html) {
    text = text
      .replace(/<style>[\s\S]*?<\/style>/g, ' ')
      // Code spans, as in Markdown: commands, ids and quoted labels.
      .replace(/<code>[\s\S]*?<\/code>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  }
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~&])/g, '$1')
    .replace(/`[^`\n]*`/g, ' ');
}

/** Commands a remedy or a "collect" names, up to the end of the command (Japanese text or a closing bracket). */
const COMMAND =
  /\b(?:slmgr(?:\.vbs)? \/|(?:slui(?:\.exe)?|wevtutil|nslookup|netsh|Test-NetConnection|Resolve-DnsName|w32tm|sysprep|net helpmsg|volact|netstat|findstr|dnscmd|ipconfig|hostname|reg query|reg delete) )[^\u3000-\u9fff\uff00-\uffef)\n|]*/g;

/** Command-line options with their value, as a hint names them: --machines all, --show-machine NAME. */
const OPTION = /--[a-z][a-z-]*(?:[ =][^\s\u3000-\u30ff」)]+)?/g;

/** English sentences left once commands, input values, quoted text and code spans are taken out. */
function englishIn(output: string, html: boolean, values: readonly string[]): string[] {
  // Input values first: a reader's reason may hold a word a command starts with ("… which volact cannot read").
  let text = plainText(output, html);
  for (const v of values) text = text.split(v).join(' ');
  text = text.replace(COMMAND, ' ').replace(OPTION, ' ');
  text = text.replace(/"[^"\n]*"/g, ' ');
  const sentences = [...text.matchAll(SENTENCE)].map((m) => text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30).replace(/\s+/g, ' '));
  return [...sentences, ...englishWords(text)];
}

/**
 * Single English words of our own left in the text (labels such as "servers" that no sentence check sees):
 * a lower-case word standing alone, not part of an identifier (kms-client, VOLUME_KMSCLIENT, a.b, x/y).
 */
const WORD = /(?<![\w\-./:@\\])[a-z]{3,}(?![\w\-./:@\\])/g;
/** Words that are identifiers or units on their own in our reports: roles, formats, statuses we print as data. */
const NOT_ENGLISH = new Set(['now', 'volact', 'evtx', 'xml', 'csv', 'text', 'json', 'jsonl', 'slmgr', 'network', 'paste', 'unknown', 'mak', 'rearm']);
function englishWords(text: string): string[] {
  return [...text.matchAll(WORD)].filter((m) => !NOT_ENGLISH.has(m[0])).map((m) => `word: ${m[0]} in “${text.slice(Math.max(0, m.index! - 25), m.index! + m[0].length + 25).replace(/\s+/g, ' ')}”`);
}

/**
 * The report and its appended knowledge-base articles, apart. The articles are the knowledge base's Japanese
 * bodies (test/kb checks those); they quote Windows' English labels on purpose, in tables that set each label
 * beside its Japanese one (what English and Japanese Windows print), and commands in code blocks.
 */
function splitAppendix(output: string, html: boolean): { report: string; appendix: string } {
  const at = html ? output.search(/<h2[^>]*>ナレッジ ベース<\/h2>/) : output.search(/^## ナレッジ ベース$/m);
  return at < 0 ? { report: output, appendix: '' } : { report: output.slice(0, at), appendix: output.slice(at) };
}

/** The articles' prose: label tables (rows of |, or <tr>) and code blocks taken out. */
function articleProse(appendix: string, html: boolean): string {
  if (html) return appendix.replace(/<table[\s\S]*?<\/table>/g, ' ').replace(/<pre[\s\S]*?<\/pre>/g, ' ');
  return appendix.replace(/```[\s\S]*?```/g, ' ').split('\n').filter((l) => !l.startsWith('|')).join('\n');
}

describe('--lang ja: no English sentence in reports', () => {
  for (const { dir, now } of scenarios()) {
    it(`analyze ${dir} (md and html)`, async () => {
      const a = await analyze([dir], { now });
      const values = inputValues(a);
      const md = await runCli(['analyze', dir, '--now', now, '--lang', 'ja']);
      const page = await runCli(['analyze', dir, '--now', now, '--lang', 'ja', '-f', 'html']);
      expect(md.stdout).toMatch(/^# volact レポート/);
      for (const [output, html] of [[md.stdout, false], [page.stdout, true]] as const) {
        const { report, appendix } = splitAppendix(output, html);
        expect(englishIn(report, html, values)).toEqual([]);
        expect(englishIn(articleProse(appendix, html), html, values).filter((e) => !e.startsWith('word:'))).toEqual([]);
      }
    });
  }

  for (const dir of snapshots()) {
    it(`check ${dir}`, async () => {
      const a = await analyze([dir], { now: DEFAULT_NOW });
      const run = await runCli(['check', dir, '--now', DEFAULT_NOW, '--lang', 'ja']);
      expect(run.stdout).toMatch(/^# volact レポート/);
      expect(englishIn(run.stdout, false, inputValues(a))).toEqual([]);
      expect(englishIn(run.stderr, false, inputValues(a))).toEqual([]);
    });
  }

  it('volact timeline --lang ja (a machine, the fleet, the fleet drawn) and check\'s lines about shared causes', async () => {
    const dir = 'fixtures/timeline/two-hosts';
    const values = inputValues(await analyze([dir]));
    for (const args of [['--machine', 'pc-move'], ['--all'], ['--all', '--by', 'hour']]) {
      const run = await runCli(['timeline', dir, ...args, '--lang', 'ja']);
      expect(run.stdout).toMatch(/^# /);
      expect(englishIn(run.stdout, false, values)).toEqual([]);
    }
    const page = await runCli(['timeline', dir, '--all', '-f', 'html', '--lang', 'ja']);
    expect(englishIn(page.stdout, true, values)).toEqual([]);
    const groups = 'fixtures/groups/clones';
    const check = await runCli(['check', groups, '--lang', 'ja', '-o', '/dev/null']);
    expect(check.stderr).toContain('共通の原因の候補');
    expect(englishIn(check.stderr, false, inputValues(await analyze([groups])))).toEqual([]);
  });

  it('the check can fail: the English report of the example is full of sentences', async () => {
    const a = await analyze(['fixtures/example'], { now: DEFAULT_NOW });
    const run = await runCli(['analyze', 'fixtures/example', '--now', DEFAULT_NOW, '--no-kb']);
    expect(englishIn(run.stdout, false, inputValues(a)).length).toBeGreaterThan(10);
  });
});
