// input/unreadable: a fleet where it fires, and one where it must stay quiet (fixtures/rules/input--unreadable).
// What customers send that volact cannot read: a screenshot of slmgr's window instead of its text, and an
// Application log whose copy stopped inside its first chunk (the 4 KiB file header and 1 KiB of the chunk).
import { deflateSync, crc32 } from 'node:zlib';
import { v, writeEvtx } from '../../helpers/evtx-writer.js';
import { CMID, SPP_GUID, eventViewerXml, folder, fq, healthyClientEvents, healthyClientFleet, type RuleScenarios } from '../kit.js';

/** A PNG image (1 × 1 pixel, grey): what a screenshot file starts and ends with. */
function png(): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))), chunk('IEND', Buffer.alloc(0))]);
}

/** client02's Application log, cut 1 KiB into its first chunk: no record survives. */
function cutLog(): Uint8Array {
  const spp = { provider: 'Microsoft-Windows-Security-SPP', providerGuid: SPP_GUID, eventSourceName: 'Software Protection Platform Service', channel: 'Application', qualifiers: 16384, level: 4 };
  const info = `0x0, 0x0, kms01.corp.contoso.com:1688, ${CMID.client02}, 2024/03/07 09:10, 0, 1, 259200, 73111121-5638-40f6-bc11-f1d7b0d64300, 25`;
  const file = writeEvtx([{ ...spp, computer: fq('client02'), recordId: 6101, eventId: 12288, timeCreated: '2024-03-07T09:10:04.1234567Z', eventData: [{ value: v.string(info) }] }]);
  return file.subarray(0, 4096 + 1024);
}

export default {
  rule: 'input/unreadable',
  fires: folder(
    {
      'client01/Application.xml': eventViewerXml(healthyClientEvents('client01', CMID.client01, 5101)),
      'client01/slmgr-dli.png': png(),
      'client02/Application.evtx': cutLog(),
    },
    {
      findings: [
        // The screenshot belongs to client01 (its folder), whose log was read: client01 is judged on that log only.
        { rule: 'input/unreadable', machine: 'client01', severity: 'warning', evidence: [{ file: 'client01/slmgr-dli.png' }], remedyIncludes: ['slmgr.vbs /dlv'] },
        // Nothing of client02 was read: the finding still names it, from its folder.
        { rule: 'input/unreadable', machine: 'client02', severity: 'warning', evidence: [{ file: 'client02/Application.evtx' }], remedyIncludes: ['wevtutil epl Application'] },
      ],
      absent: ['input/partly-read'],
    },
  ),
  quiet: healthyClientFleet(['input/unreadable', 'input/partly-read']),
} satisfies RuleScenarios;
