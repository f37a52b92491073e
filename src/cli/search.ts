// `volact search <query...>`: ranked knowledge-base articles for a question, in English or Japanese.
import type { Command } from 'commander';
import { loadKb, stripControl } from '../kb/index.js';
import { LANG_OPTION_HELP } from './lang.js';
import { parseLang, processIo, tell, UsageError, type CliIo } from './output.js';
import { msg } from '../messages/index.js';

interface SearchFlags {
  limit: string;
  json?: boolean;
  lang?: string;
}

const DEFAULT_LIMIT = 10;

export function registerSearch(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  program
    .command('search')
    .description('search the knowledge base (English or Japanese)')
    .argument('<query...>', 'words to look for, e.g. "duplicate CMID" or "SRV レコード"')
    .option('-n, --limit <N>', 'at most N results', String(DEFAULT_LIMIT))
    .option('--json', 'print results as JSON')
    .option('--lang <lang>', `${LANG_OPTION_HELP}; ja shows Japanese titles and excerpts`)
    .action((words: string[], flags: SearchFlags) => {
      const limit = parseLimit(flags.limit);
      const lang = parseLang(flags.lang, io);
      const query = words.join(' ').trim();
      if (query === '') throw new UsageError(msg('cli.search-needs-query'));
      const hits = loadKb().search(query, { limit, lang });
      if (flags.json) {
        io.stdout(`${JSON.stringify({ query, lang, results: hits.map((h, i) => ({ rank: i + 1, ...h })) }, null, 2)}\n`);
      } else if (hits.length > 0) {
        const color = wantsColor(io);
        const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
        const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
        const lines = hits.flatMap((h, i) => [
          `${String(i + 1).padStart(2)}. ${bold(stripControl(h.title))}  ${dim(`[${h.id}]`)}`,
          ...(h.excerpt ? [`    ${stripControl(h.excerpt)}`] : []),
        ]);
        io.stdout(`${lines.join('\n')}\n`);
      }
      if (hits.length === 0) {
        if (!flags.json) tell(io, msg('cli.search-no-match', { query: JSON.stringify(query) }));
        setExit(2);
      }
    });
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(msg('cli.expects-limit', { found: JSON.stringify(value) }));
  return n;
}

/** Styling only on a real terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(io: CliIo): boolean {
  const noColor = process.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  return io === processIo && process.stdout.isTTY === true;
}
