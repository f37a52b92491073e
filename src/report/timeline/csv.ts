// CSV as spreadsheets read it: quoted when needed, and safe to open (a cell from input that starts like a
// formula is kept as text; terminal controls are made visible, since CSV often lands on a terminal).
import { neutralizeControls } from '../escape.js';

export function csvCell(raw: string): string {
  const value = neutralizeControls(raw);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\n';
}
