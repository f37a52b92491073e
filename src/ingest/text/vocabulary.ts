// Words text exports use for levels and fields, in the languages seen in real exports (English, Japanese,
// Czech) plus German. Tables, not code: add a language by adding rows. Japanese and German rows are from
// the localized Windows UI wording; only the English ones are confirmed by quoted exports.

/** Level display names → the numeric <Level>. Security logs put audit keywords in this column instead. */
export const LEVEL_NAMES: Readonly<Record<string, number>> = {
  critical: 1, error: 2, warning: 3, information: 4, verbose: 5,
  'audit success': 0, 'audit failure': 0,
  重大: 1, エラー: 2, 警告: 3, 情報: 4, 詳細: 5, 成功の監査: 0, 失敗の監査: 0,
  kritická: 1, chyba: 2, upozornění: 3, informace: 4, podrobné: 5,
  kritisch: 1, fehler: 2, warnung: 3, informationen: 4, ausführlich: 5,
};

export function levelFromName(name: string): number | undefined {
  return LEVEL_NAMES[name.trim().toLowerCase()];
}

/** The fields of a labelled text block (wevtutil /f:text, Event Viewer "Copy details as text"). */
export type BlockField =
  | 'logName' | 'source' | 'date' | 'eventId' | 'task' | 'level' | 'opcode' | 'keywords'
  | 'user' | 'userName' | 'computer' | 'description' | 'eventXml';

/** Label → field, compared after trimming and lower-casing. */
export const BLOCK_LABELS: Readonly<Record<string, BlockField>> = {
  'log name': 'logName', source: 'source', date: 'date', 'event id': 'eventId', task: 'task',
  'task category': 'task', level: 'level', opcode: 'opcode', keyword: 'keywords', keywords: 'keywords',
  user: 'user', 'user name': 'userName', computer: 'computer', description: 'description', 'event xml': 'eventXml',
  ログの名前: 'logName', ソース: 'source', 日付: 'date', ログの日付: 'date', 'イベント id': 'eventId',
  タスク: 'task', タスクのカテゴリ: 'task', レベル: 'level', オペコード: 'opcode', キーワード: 'keywords',
  ユーザー: 'user', ユーザー名: 'userName', コンピューター: 'computer', コンピュータ: 'computer', 説明: 'description',
  'イベント xml': 'eventXml',
  'název protokolu': 'logName', zdroj: 'source', datum: 'date', 'id události': 'eventId', 'kategorie úlohy': 'task',
  úroveň: 'level', 'klíčová slova': 'keywords', uživatel: 'user', počítač: 'computer', popis: 'description',
  'kód xml události': 'eventXml',
};

/**
 * Columns of Event Viewer's CSV / tab-delimited export, by header word. The sixth column (the message)
 * has no header at all.
 */
export type SheetColumn = 'level' | 'date' | 'source' | 'eventId' | 'task';

export const SHEET_HEADERS: Readonly<Record<string, SheetColumn>> = {
  level: 'level', keywords: 'level', 'date and time': 'date', source: 'source', 'event id': 'eventId',
  'task category': 'task',
  レベル: 'level', キーワード: 'level', 日付と時刻: 'date', ソース: 'source', 'イベント id': 'eventId',
  タスクのカテゴリ: 'task',
  úroveň: 'level', 'klíčová slova': 'level', 'datum a čas': 'date', zdroj: 'source', 'id události': 'eventId',
  'kategorie úlohy': 'task',
  ebene: 'level', schlüsselwörter: 'level', 'datum und uhrzeit': 'date', quelle: 'source', 'ereignis-id': 'eventId',
  aufgabenkategorie: 'task',
};

/** Placeholders Windows writes for "no value". */
export function isNoValue(text: string): boolean {
  return /^(n\/a|none|なし|該当なし|není k dispozici|žádný|nic|keine)$/i.test(text.trim());
}
