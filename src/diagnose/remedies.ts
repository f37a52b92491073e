// The guide's concrete commands, with the KMS client setup key filled in when the edition is known.
import type { Edition, Fact } from '../decode/index.js';
import { editionByActivationId, editionByName } from '../decode/index.js';
import { msg, type MessageRef } from '../messages/index.js';

export const CMD = {
  dli: 'slmgr.vbs /dli',
  dlv: 'slmgr.vbs /dlv',
  ato: 'slmgr.vbs /ato',
  xpr: 'slmgr.vbs /xpr',
  ckms: 'slmgr.vbs /ckms',
  rearm: 'slmgr.vbs /rearm',
  sysprep: 'sysprep /generalize',
  srvLookup: (domain = '<domain>'): string => `nslookup -type=srv _vlmcs._tcp.${domain}`,
  skms: (host = '<kms-host>', port: number | string = 1688): string => `slmgr.vbs /skms ${host}:${port}`,
  slui: (code: string): string => `slui.exe 0x2a ${code}`,
  ipk: (key: string): string => `slmgr.vbs /ipk ${key}`,
} as const;

/** Edition names as slmgr prints them ("Windows(R) 7, Enterprise edition") folded towards the table's ("Windows 7 Enterprise"). */
function nameCandidates(name: string): string[] {
  const plain = name.replace(/\((R|TM)\)|®|™/gi, '').replace(/\s+/g, ' ').trim();
  const noComma = plain.replace(/,\s*/g, ' ');
  const noEdition = noComma.replace(/\s+edition$/i, '');
  return [...new Set([name, plain, noComma, noEdition])];
}

/** The edition a fact is about: by activation id when it carries one, else by product name. */
export function editionOf(fact: Fact): Edition | undefined {
  const ids: (string | undefined)[] = [];
  if (fact.kind === 'kms-request' || fact.kind === 'kms-host-request') ids.push(fact.activationId);
  if (fact.kind === 'license') ids.push(fact.activationId);
  if (fact.kind === 'license-state-data') ids.push(fact.skuId);
  for (const id of ids) {
    const e = id ? editionByActivationId(id) : undefined;
    if (e) return e;
  }
  const names: string[] = [];
  if ('edition' in fact && typeof fact.edition === 'string') names.push(fact.edition);
  if (fact.kind === 'license') names.push(fact.name);
  for (const n of names) for (const c of nameCandidates(n)) {
    const e = editionByName(c);
    if (e) return e;
  }
  return undefined;
}

/** `slmgr.vbs /ipk <key>` with the published KMS client setup key when the edition is known. */
export function setupKeyCommand(edition: Edition | undefined): MessageRef {
  if (edition?.gvlk) return msg('common.setup-key-command', { cmd: CMD.ipk(edition.gvlk), edition: edition.edition });
  return msg('common.ipk', { key: msg('common.setup-key-placeholder') });
}
