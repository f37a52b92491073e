// What to do first for codes that real pastes show and slui's text does not explain well: code → next step.
// Data, not branches: a new code is one row here and one message.
import { list, msg, type MessageId, type MessageRef } from '../messages/index.js';
import type { CodeSighting } from '../evidence/machine-view/index.js';
import { CMD } from './remedies.js';

const IFEO = '"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\SppExtComObj.exe"';

const CODE_STEPS: Readonly<Record<string, { id: MessageId; data?: Record<string, string> }>> = {
  '0x80080005': { id: 'common.next.0x80080005', data: { query: `reg query ${IFEO}`, remove: `reg delete ${IFEO} /f`, cmd: CMD.ato } },
  '0x8007000D': { id: 'common.next.0x8007000D', data: { dlv: CMD.dlv, own: 'hostname / ipconfig /all' } },
  '0xC004F069': { id: 'common.next.0xC004F069' },
  '0x87E10BC6': { id: 'common.next.0x87E10BC6', data: { ipk: 'slmgr.vbs /ipk', cmd: CMD.ato } },
  '0xC004F025': { id: 'common.next.0xC004F025', data: { cmd: 'slmgr.vbs' } },
};

/** The next step for each code that has one, in the order the codes are given. */
export function codeSteps(codes: readonly string[]): MessageRef[] {
  return codes.flatMap((code) => {
    const step = CODE_STEPS[code];
    return step ? [msg(step.id, step.data)] : [];
  });
}

/**
 * "Show Windows' own text: slui.exe 0x2a <code>", one step for every code that needs it, leaving out the codes
 * whose Windows text the input already holds (the slui dialog's, or the text slmgr printed after the code).
 */
export function sluiSteps(codes: readonly string[], sightings: readonly CodeSighting[] = []): MessageRef[] {
  // The Settings page's sentence is its own, not Windows' text for the code.
  const shown = new Set(sightings.filter((s) => s.fact.kind === 'slmgr-error' && s.fact.origin !== 'settings' && s.fact.text.trim() !== '').map((s) => s.code));
  const asked = codes.filter((c) => !shown.has(c));
  if (asked.length === 0) return [];
  if (asked.length === 1) return [msg('common.slui', { cmd: CMD.slui(asked[0]) })];
  return [msg('common.slui-codes', { cmdList: list(asked.map(CMD.slui)) })];
}
