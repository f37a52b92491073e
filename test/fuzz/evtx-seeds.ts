// Small EVTX files for fuzz seeds and the splice property: activation events in the template form Windows
// writes, the plain form of forwarded logs, and a System 104 with a nested UserData payload.
import { v, writeEvtx, type EventSpec } from '../helpers/evtx-writer.js';

const SPP = { provider: 'Microsoft-Windows-Security-SPP', providerGuid: '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}', eventSourceName: 'Software Protection Platform Service', channel: 'Application' };

/** `n` activation events (12288/12289 pairs and a 12290), record ids from `first`. */
export function sppEvents(n: number, first = 1, computer = 'PC1.contoso.test'): EventSpec[] {
  return Array.from({ length: n }, (_, i): EventSpec => {
    const id = [12288, 12289, 12290][i % 3];
    const when = new Date(Date.UTC(2024, 2, 1, 10, 0, i)).toISOString();
    const data = id === 12290
      ? [v.string(`${computer}`), v.string('55c92734-d682-4d71-983e-d6ec3f16059f'), v.string('2024/03/01 10:00'), v.string('1'), v.string('0'), v.string('0x0')]
      : [v.string(`0x0, 0x${(id === 12289 ? 0xc004f074 : 0).toString(16)}, kms01.contoso.test:1688, 3a1c8b2e-7f7a-4b4c-9d7e-0123456789ab, 2024/03/01 10:00, 0, 2, 30240, 73111121-5638-40f6-bc11-f1d7b0d64300, 25`)];
    return { ...SPP, computer, recordId: first + i, eventId: id, qualifiers: 16384, level: 4, timeCreated: when, eventData: data.map((value) => ({ value })) };
  });
}

const logCleared: EventSpec = {
  provider: 'Microsoft-Windows-Eventlog', providerGuid: '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}', channel: 'System',
  computer: 'KMS01', recordId: 90, eventId: 104, timeCreated: '2024-03-01T11:00:00Z', userSid: 'S-1-5-21-1-2-3-1001',
  nestedPayload: true,
  userData: {
    element: 'LogFileCleared', xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog',
    fields: [{ name: 'SubjectUserName', value: v.string('admin') }, { name: 'Channel', value: v.string('Key Management Service') }],
  },
};

const mixed: EventSpec = {
  ...SPP, computer: 'PC2', recordId: 91, eventId: 1003, timeCreated: '2024-03-01T11:00:01.5Z',
  eventData: [
    { name: 'Names', value: v.stringArray(['a', 'b', 'c']) }, { name: 'Ids', value: v.uint32Array([1, 2, 3]) },
    { name: 'Guid', value: v.guid('{54849625-5478-4994-a5ba-3e3b0328c30d}') }, { name: 'When', value: v.fileTime('2024-03-01T11:00:00Z') },
    { name: 'Sid', value: v.sid('S-1-5-18') }, { name: 'Bin', value: v.binary(Buffer.from([1, 2, 3])) }, { name: 'Hex', value: v.hex32(0xc004f074) },
  ],
};

export function seedEvtxFiles(): Record<string, Buffer> {
  return {
    'spp-template.evtx': writeEvtx([...sppEvents(6), logCleared, mixed]),
    'spp-plain.evtx': writeEvtx(sppEvents(4, 20), { form: 'plain' }),
  };
}
