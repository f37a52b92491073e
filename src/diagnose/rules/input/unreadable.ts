// Export procedure: a file volact turned away whole (a format it does not read, a language it does not read
// yet, damage nothing could be recovered from) was not judged at all. Saying so, on the machine it belongs to,
// keeps a report from reading "no error" where it simply saw nothing, and says what to send instead.
import type { MessageRef } from '../../../messages/index.js';
import { inputMachine, unread, unreadPlaces } from '../../input-reads.js';
import { defineInputRule, type InputRead, type Messenger, type RuleMessages } from '../../rule.js';

/** Places listed per file; the count says how many more there were. */
const PLACES = 3;

const messages = {
  title: { en: 'A file could not be read', ja: '読み取れないファイルがある' },
  'title-file': { en: '{file} could not be read', ja: '{file} を読み取れない' },
  detail: {
    en: 'volact could not read {file} ({format}): {reason}. Nothing in it was judged{more? ({more|# more place|# more places} below)}{machine?; the verdict on {machine} rests on its other files only}.',
    ja: '{file} ({format}) を読み取れませんでした: {reason}。このファイルの内容は何も判定していません{more? (ほかに {more} 箇所)}{machine?。{machine} の判定はほかのファイルだけに基づいています}。',
  },
  'detail-path': {
    en: 'volact could not open {file}: {reason}. Nothing was read from it.',
    ja: '{file} を開けませんでした: {reason}。何も読み取っていません。',
  },
  place: { en: '{where?{where}: }{reason}', ja: '{where?{where}: }{reason}' },
  line: { en: 'a line no reader understood: {text}', ja: 'どのリーダーも解釈できない行: {text}' },
  'remedy-path': { en: 'Check the path: it must name a file or folder that exists and can be read.', ja: 'パスを確認します。存在して読み取れるファイルまたはフォルダーを指定する必要があります。' },
  'remedy-evtx': {
    en: 'Export the log again on the machine and send the new file: {cmd}',
    ja: 'そのコンピューターでログをもう一度エクスポートし、新しいファイルを送ってもらいます: {cmd}',
  },
  'remedy-xml': {
    en: 'Export it again as XML or as an .evtx file, and do not edit or cut the file: {cmd}',
    ja: 'XML または .evtx ファイルとしてもう一度エクスポートし、ファイルを編集したり切り詰めたりしないでください: {cmd}',
  },
  'remedy-sheet': {
    en: 'Send the log as an .evtx file (Event Viewer: Save All Events As… › Event Files) instead of a table: {cmd}',
    ja: '表形式ではなく .evtx ファイルとして送ってもらいます (イベント ビューアー: [すべてのイベントを名前をつけて保存] › イベント ファイル): {cmd}',
  },
  'remedy-text': {
    en: 'Send the text Windows prints instead of a screenshot or document: {cmd}',
    ja: 'スクリーンショットや文書ではなく、Windows が出力するテキストを送ってもらいます: {cmd}',
  },
  'remedy-log': {
    en: 'Or send the event logs, which read the same whatever the language of Windows: {cmd}',
    ja: 'または、Windows の表示言語に関係なく同じ内容で読めるイベント ログを送ってもらいます: {cmd}',
  },
  'remedy-archive': {
    en: 'Ask for the files again as a plain zip or folder (no password, stored or deflate compression), or unpack it and give volact the folder.',
    ja: 'パスワードなしの通常の zip (無圧縮または deflate) かフォルダーとしてもう一度送ってもらうか、展開してそのフォルダーを volact に渡します。',
  },
} as const satisfies RuleMessages;

type M = Messenger<typeof messages>;

const EXPORT_APP = 'wevtutil epl Application %COMPUTERNAME%-application.evtx';
const EXPORT_XML = 'wevtutil qe Application /f:xml /e:Events > %COMPUTERNAME%-application.xml';
const SLMGR_TEXT = 'cscript //nologo %windir%\\system32\\slmgr.vbs /dlv > %COMPUTERNAME%-slmgr-dlv.txt';

/** What to send instead, from how the file was turned away. */
function remedies(input: InputRead, m: M): MessageRef[] {
  if (input.notOpened) return [m('remedy-path')];
  if (input.file.includes('!') || /\b(zip|archive|encrypted|compress)/i.test(input.rejected[0]?.reason ?? '')) return [m('remedy-archive')];
  switch (input.format) {
    case 'evtx':
      return [m('remedy-evtx', { cmd: EXPORT_APP })];
    case 'xml':
      return [m('remedy-xml', { cmd: EXPORT_XML })];
    case 'csv':
    case 'json':
    case 'jsonl':
      return [m('remedy-sheet', { cmd: EXPORT_APP })];
    default:
      return [m('remedy-text', { cmd: SLMGR_TEXT }), m('remedy-log', { cmd: EXPORT_APP })];
  }
}

export default defineInputRule({
  meta: {
    id: 'input/unreadable',
    severity: 'warning',
    description:
      'A file was rejected whole: a format volact does not read, a language it does not read yet, an archive it cannot open, or damage nothing could be recovered from. Nothing in it was judged; the finding says why and what to send instead. It belongs to the machine the file would have been given by its folder (or by its name, when the snapshot has that machine); otherwise it is fleet-wide.',
    kb: ['procedure/export-logs', 'procedure/read-slmgr-dli-dlv'],
    facts: [],
    seed: 'export procedure',
    messages,
  },
  check({ input, fleet, owners }, m) {
    if (!unread(input)) return [];
    const machine = inputMachine(input, fleet, owners);
    const first = input.rejected[0];
    const reason = first?.reason ?? '';
    const evidence = unreadPlaces(input, PLACES, { rejected: (where, why) => m('place', { where, reason: why }), unknownLine: (text) => m('line', { text }) });
    const more = input.rejectedTotal + input.unknownLines.length - evidence.length;
    const detail = input.notOpened
      ? m('detail-path', { file: input.file, reason: first?.message ?? reason })
      : m('detail', { file: input.file, format: input.format, reason, ...(more > 0 ? { more } : {}), ...(machine !== undefined ? { machine } : {}) });
    return [{ title: m('title-file', { file: input.file }), detail, evidence, remedy: remedies(input, m), ...(machine !== undefined ? { machine } : {}) }];
  },
});
