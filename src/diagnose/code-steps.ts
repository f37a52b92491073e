// What to do first for codes that real pastes show and slui's text does not explain well: code → next step.
// Data, not branches: a new code is one row here and one message.
import { msg, type MessageId, type MessageRef } from '../messages/index.js';
import type { CodeSighting } from './machine-view.js';
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

/** "Show Windows' own text: slui.exe 0x2a <code>", except for codes the paste shows that dialog's text for already. */
export function sluiSteps(codes: readonly string[], sightings: readonly CodeSighting[]): MessageRef[] {
  const shown = new Set(sightings.filter((s) => s.fact.kind === 'slmgr-error' && s.fact.origin === 'slui').map((s) => s.code));
  return codes.filter((c) => !shown.has(c)).map((c) => msg('common.slui', { cmd: CMD.slui(c) }));
}
