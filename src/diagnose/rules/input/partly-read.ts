// Export procedure: a file volact read, with records or lines it could not read. The verdict on its machine
// rests on the rest; saying how much was left out, and where, lets a reader judge whether that matters.
import { inputMachine, unread, unreadPlaces } from '../../input-reads.js';
import { defineInputRule } from '../../rule.js';

/** Places listed per file; the counts say how many there were in all. */
const PLACES = 5;

export default defineInputRule({
  meta: {
    id: 'input/partly-read',
    severity: 'info',
    description:
      'A file was read, but some of its records were rejected or some of its lines were not understood: the finding gives their counts and the first places. The verdict on its machine rests on the rest of the file.',
    kb: ['procedure/export-logs'],
    facts: [],
    seed: 'export procedure',
    messages: {
      title: { en: 'Part of a file could not be read', ja: 'ファイルの一部を読み取れない' },
      'title-file': { en: 'Part of {file} could not be read', ja: '{file} の一部を読み取れない' },
      detail: {
        en: '{file}: {rejected|# record|# records} of {records} rejected{lines?, {lines|# line|# lines} not understood}. The rest was read{machine?; the verdict on {machine} rests on it}.',
        ja: '{file}: {records} 件のレコードのうち {rejected} 件を読み取れませんでした{lines?。解釈できない行が {lines} 行あります}。残りは読み取りました{machine?。{machine} の判定はその残りに基づいています}。',
      },
      'detail-lines': {
        en: '{file}: {lines|# line|# lines} not understood; the rest was read{machine?, and the verdict on {machine} rests on it}.',
        ja: '{file}: 解釈できない行が {lines} 行あります。残りは読み取りました{machine?。{machine} の判定はその残りに基づいています}。',
      },
      place: { en: '{where?{where}: }{reason}', ja: '{where?{where}: }{reason}' },
      line: { en: 'not understood: {text}', ja: '解釈できない行: {text}' },
      'remedy-check': {
        en: 'Look at the places listed: if they hold activation events or license lines, export the file again whole (wevtutil epl, or the slmgr.vbs output redirected to a file) and run volact again.',
        ja: '示された箇所を確認します。ライセンス認証のイベントやライセンスの行が含まれているなら、ファイル全体をもう一度エクスポートし (wevtutil epl、または slmgr.vbs の出力をファイルにリダイレクト)、volact を再実行します。',
      },
    },
  },
  check({ input, fleet, owners }, m) {
    if (input.notOpened || unread(input)) return [];
    const lines = input.unknownLines.length;
    if (input.rejectedTotal === 0 && lines === 0) return [];
    const machine = inputMachine(input, fleet, owners);
    const at = machine !== undefined ? { machine } : {};
    const detail =
      input.rejectedTotal > 0
        ? m('detail', { file: input.file, rejected: input.rejectedTotal, records: input.records, ...(lines > 0 ? { lines } : {}), ...at })
        : m('detail-lines', { file: input.file, lines, ...at });
    const evidence = unreadPlaces(input, PLACES, { rejected: (where, reason) => m('place', { where, reason }), unknownLine: (text) => m('line', { text }) });
    return [{ title: m('title-file', { file: input.file }), detail, evidence, remedy: [m('remedy-check')], ...at }];
  },
});
