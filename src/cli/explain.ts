// `volact explain <x>`: the article for an HRESULT (any spelling), an event id, a rule id or an article id.
import type { Command } from 'commander';
import { describeHresult, loadKb, normalizeHresult, renderArticleForTerminal, stripControl } from '../kb/index.js';
import { LANG_OPTION_HELP } from './lang.js';
import { parseLang, tell, type CliIo } from './output.js';
import { msg, type MessageRef } from '../messages/index.js';
import { wantsColor } from './search.js';

export function registerExplain(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  program
    .command('explain')
    .description('explain an error code (0xC004F074, C004F074, decimal), an event id (12290) or a rule id')
    .argument('<x>', 'HRESULT, event id, rule id or article id')
    .option('--lang <lang>', `${LANG_OPTION_HELP}; ja prints the Japanese article`)
    .action((input: string, flags: { lang?: string }) => {
      const lang = parseLang(flags.lang, io);
      const kb = loadKb();
      const article = kb.resolve(input);
      if (article) {
        io.stdout(renderArticleForTerminal(article, { color: wantsColor(io), lang }));
        return;
      }
      for (const line of notFoundMessage(input)) tell(io, line);
      setExit(2);
    });
}

function notFoundMessage(input: string): MessageRef[] {
  const shown = JSON.stringify(stripControl(input));
  if (/^\s*\d{1,5}\s*$/.test(input)) return [msg('cli.explain-no-event', { id: input.trim() })];
  const code = normalizeHresult(input);
  if (code && !describeHresult(code).known) {
    const lines = [msg('cli.explain-unknown-code', { code }), msg('cli.explain-unknown-code-hint', { cmd: `slui.exe 0x2a ${code}` })];
    // Only a 0x8007xxxx code wraps a Windows error number, which net helpmsg explains.
    if (/^0x8007[0-9A-F]{4}$/i.test(code)) lines.push(msg('cli.explain-win32-hint', { cmd: `net helpmsg ${parseInt(code.slice(6), 16)}` }));
    return lines;
  }
  return [msg('cli.explain-nothing', { shown })];
}
