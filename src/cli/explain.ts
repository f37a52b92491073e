// `volact explain <x>`: the article for an HRESULT (any spelling), an event id, a rule id or an article id.
import type { Command } from 'commander';
import { describeHresult, loadKb, normalizeHresult, renderArticleForTerminal, stripControl } from '../kb/index.js';
import { chooseLanguage, LANG_OPTION_HELP } from './lang.js';
import type { CliIo } from './output.js';
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
      const lang = chooseLanguage(flags.lang);
      const kb = loadKb();
      const article = kb.resolve(input);
      if (article) {
        io.stdout(renderArticleForTerminal(article, { color: wantsColor(io), lang }));
        return;
      }
      io.stderr(`${notFoundMessage(input)}\n`);
      setExit(2);
    });
}

function notFoundMessage(input: string): string {
  const shown = JSON.stringify(stripControl(input));
  if (/^\s*\d{1,5}\s*$/.test(input)) {
    return `volact: no article for event id ${input.trim()}; \`volact search event\` lists the events volact decodes`;
  }
  const code = normalizeHresult(input);
  if (code && !describeHresult(code).known) {
    return [
      `volact: ${code} is not a licensing code volact or Windows' licensing tables know.`,
      `On a Windows machine, \`slui.exe 0x2a ${code}\` shows the local text; codes 0x8007xxxx wrap a Windows error number (net helpmsg <decimal of the last four hex digits>).`,
    ].join('\n');
  }
  return `volact: nothing to explain for ${shown}; try \`volact search ${shown}\``;
}
