// Round trips through the test writer: every value type, both record forms, templates shared
// across records, optional substitutions, dependency ids, arrays, nested BinXML, filtering.
import { describe, expect, it } from 'vitest';
import { isEvtxMagic } from '../../src/ingest/evtx/index.js';
import { v, writeEvtx, type EventSpec } from '../helpers/evtx-writer.js';
import { read } from './support.js';

const spp = {
  provider: 'Microsoft-Windows-Security-SPP',
  providerGuid: '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}',
  eventSourceName: 'Software Protection Platform Service',
  channel: 'Application',
  computer: 'PC1.contoso.test',
};

const kmsRequest: EventSpec = {
  ...spp, recordId: 41, eventId: 12288, qualifiers: 16384, level: 4, timeCreated: '2024-03-01T10:00:00.1234567Z',
  eventData: [{ value: v.string('0x0') }, { value: v.string('2024-03-01T10:00:00Z') }, { value: v.string('kms01.contoso.test:1688') }],
};

const logCleared: EventSpec = {
  provider: 'Microsoft-Windows-Eventlog', providerGuid: '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}', channel: 'System',
  computer: 'KMS01', recordId: 42, eventId: 104, timeCreated: '2024-03-01T10:00:01Z', userSid: 'S-1-5-21-1-2-3-1001',
  nestedPayload: true,
  userData: {
    element: 'LogFileCleared', xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog',
    fields: [
      { name: 'SubjectUserName', value: v.string('admin') }, { name: 'SubjectDomainName', value: v.string('CONTOSO') },
      { name: 'Channel', value: v.string('Key Management Service') }, { name: 'BackupPath', value: v.string('') },
    ],
  },
};

const allTypes: EventSpec = {
  ...spp, recordId: 43, eventId: 7, timeCreated: '2024-03-01T10:00:02.5Z',
  eventData: [
    { name: 'Str', value: v.string('Grüße <&> "q"') },
    { name: 'Ansi', value: v.ansi('caf\xe9') },
    { name: 'I8', value: v.int8(-7) }, { name: 'U8', value: v.uint8(200) },
    { name: 'I16', value: v.int16(-300) }, { name: 'U16', value: v.uint16(65535) },
    { name: 'I32', value: v.int32(-2147024891) }, { name: 'U32', value: v.uint32(4294967295) },
    { name: 'I64', value: v.int64(-3n) }, { name: 'U64', value: v.uint64(18446744073709551615n) },
    { name: 'Real', value: v.real64(1.5) }, { name: 'Bool', value: v.bool(true) },
    { name: 'Bin', value: v.binary(Buffer.from([1, 2, 0xab])) },
    { name: 'Guid', value: v.guid('{54849625-5478-4994-a5ba-3e3b0328c30d}') },
    { name: 'SizeT', value: v.sizeT(16n) },
    { name: 'FileTime', value: v.fileTime('2023-05-24T01:12:29.4670860Z') },
    { name: 'SysTime', value: v.sysTime('2023-05-24T01:12:29.467Z') },
    { name: 'Sid', value: v.sid('S-1-5-21-3623811015-3361044348-30300820-1013') },
    { name: 'Hex32', value: v.hex32(0xc004f038) }, { name: 'Hex64', value: v.hex64(0x123550n) },
    { name: 'Dropped', value: v.null(), dropIfNull: true },
    { name: 'Empty', value: v.null() },
    { name: 'NullWithBytes', value: v.null(6) },
    { name: 'OptionalNull', value: v.null(), optional: true },
    { name: 'OptionalSet', value: v.string('set'), optional: true },
  ],
  binary: Buffer.from('DEADBEEF', 'hex'),
};

const arrays: EventSpec = {
  ...spp, recordId: 44, eventId: 8, timeCreated: '2024-03-01T10:00:03Z',
  eventData: [{ name: 'Items', value: v.stringArray(['', 'b', '']) }, { name: 'Nums', value: v.uint32Array([1, 2, 3]) }, { name: 'After', value: v.string('z') }],
};

describe('EVTX reader round trip (template form)', () => {
  it('reads System fields, EventData and the record position', async () => {
    const r = await read(writeEvtx([kmsRequest]));
    expect(r.rejections).toEqual([]);
    expect(r.events).toHaveLength(1);
    const e = r.events[0];
    expect(e).toMatchObject({
      source: { file: 'test.evtx', format: 'evtx', record: 41, offset: 4096 + 512 },
      provider: 'Microsoft-Windows-Security-SPP', providerGuid: '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}',
      eventSourceName: 'Software Protection Platform Service', eventId: 12288, qualifiers: 16384, level: 4,
      channel: 'Application', computer: 'PC1.contoso.test', recordId: 41, timeCreated: '2024-03-01T10:00:00.1234567Z',
      data: ['0x0', '2024-03-01T10:00:00Z', 'kms01.contoso.test:1688'],
    });
    expect(e.namedData).toBeUndefined();
  });

  it('reads System 104 UserData from a nested BinXML value', async () => {
    const r = await read(writeEvtx([logCleared]));
    const e = r.events[0];
    expect(e.eventId).toBe(104);
    expect(e.qualifiers).toBeUndefined(); // optional substitution of NullType: attribute absent
    expect(e.timeCreated).toBe('2024-03-01T10:00:01.0000000Z');
    expect(e.data).toEqual([]);
    expect(e.userData).toEqual({ SubjectUserName: 'admin', SubjectDomainName: 'CONTOSO', Channel: 'Key Management Service', BackupPath: '' });
  });

  it('renders every value type as Windows shows it', async () => {
    const r = await read(writeEvtx([allTypes]));
    expect(r.rejections).toEqual([]);
    expect(r.events[0].namedData).toEqual({
      Str: 'Grüße <&> "q"', Ansi: 'café', I8: '-7', U8: '200', I16: '-300', U16: '65535', I32: '-2147024891',
      U32: '4294967295', I64: '-3', U64: '18446744073709551615', Real: '1.5', Bool: 'true', Bin: '0102AB',
      Guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}', SizeT: '0x10', FileTime: '2023-05-24T01:12:29.4670860Z',
      SysTime: '2023-05-24T01:12:29.4670000Z', Sid: 'S-1-5-21-3623811015-3361044348-30300820-1013',
      Hex32: '0xc004f038', Hex64: '0x123550', Empty: '', NullWithBytes: '', OptionalSet: 'set',
    });
    // Elements with a dependency on a NullType value, or holding only an optional NullType
    // substitution, are gone, so they have no position either.
    expect(r.events[0].data).toHaveLength(23);
    expect(r.events[0].binary).toBe('DEADBEEF');
  });

  it('repeats the element once per array item, empty items included', async () => {
    const r = await read(writeEvtx([arrays]));
    expect(r.events[0].data).toEqual(['', 'b', '', '1', '2', '3', 'z']);
  });

  it('reuses template definitions and names across records of a chunk', async () => {
    const events = Array.from({ length: 300 }, (_, i) => ({ ...kmsRequest, recordId: i + 1, eventData: [{ value: v.string(`n${i}`) }] }));
    const file = writeEvtx(events);
    expect(file.length).toBeGreaterThan(4096 + 65536); // spans chunks, each with its own definitions
    const r = await read(file);
    expect(r.rejections).toEqual([]);
    expect(r.events.map((e) => e.recordId)).toEqual(events.map((e) => e.recordId));
    expect(r.events.map((e) => e.data[0])).toEqual(events.map((_, i) => `n${i}`));
  });

  it('gives the same result whatever the size of the pieces the stream delivers', async () => {
    const file = writeEvtx([kmsRequest, logCleared, allTypes, arrays], { zeroChunks: 2 });
    const whole = await read(file);
    for (const piece of [1, 7, 4096, 100000]) expect(await read(file, undefined, piece)).toEqual(whole);
  });

  it('resolves entity and character references in text', async () => {
    const e: EventSpec = { ...kmsRequest, eventData: undefined, entityData: { name: 'Ent', parts: ['a', { entity: 'amp' }, 'b', { entity: 'lt' }, { char: 0x41 }] } };
    const r = await read(writeEvtx([e]));
    expect(r.events[0].namedData).toEqual({ Ent: 'a&b<A' });
  });
});

describe('EVTX reader round trip (plain, template-less form)', () => {
  it('reads forwarded-event records with literal text and no dependency ids', async () => {
    const plain = writeEvtx([kmsRequest, logCleared, { ...allTypes, eventData: allTypes.eventData!.slice(0, 3).concat(allTypes.eventData!.slice(20)) }], { form: 'plain', minorVersion: 2 });
    const r = await read(plain);
    expect(r.rejections).toEqual([]);
    expect(r.events.map((e) => e.eventId)).toEqual([12288, 104, 7]);
    expect(r.events[0].data).toEqual(['0x0', '2024-03-01T10:00:00Z', 'kms01.contoso.test:1688']);
    expect(r.events[0].qualifiers).toBe(16384);
    expect(r.events[1].userData?.Channel).toBe('Key Management Service');
    expect(r.events[1].timeCreated).toBe('2024-03-01T10:00:01Z');
    // The plain form stores text only, so a null value is just an empty element.
    expect(r.events[2].namedData).toEqual({ Str: 'Grüße <&> "q"', Ansi: 'café', I8: '-7', Empty: '', NullWithBytes: '', OptionalNull: '', OptionalSet: 'set' });
  });
});

describe('EVTX pre-filter', () => {
  it('counts records outside ctx.filter.eventIds as ignored and decodes the rest', async () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ ...kmsRequest, recordId: i + 1, eventId: i % 5 === 0 ? 12288 : 1000 + i }));
    const file = writeEvtx([...events, logCleared]);
    const r = await read(file, { eventIds: new Set([12288, 104]) });
    expect(r.events.map((e) => e.recordId)).toEqual([1, 6, 11, 16, 21, 26, 31, 36, 41, 46, 42]);
    expect(r.ignored).toBe(40);
    expect(r.events.length + r.ignored).toBe(51);
  });

  it('filters plain records too (after decoding them)', async () => {
    const r = await read(writeEvtx([kmsRequest, logCleared], { form: 'plain' }), { eventIds: new Set([104]) });
    expect(r.events.map((e) => e.eventId)).toEqual([104]);
    expect(r.ignored).toBe(1);
  });
});

describe('isEvtxMagic', () => {
  it('recognises the file signature only', () => {
    expect(isEvtxMagic(writeEvtx([kmsRequest]).subarray(0, 16))).toBe(true);
    expect(isEvtxMagic(Buffer.from('ElfChnk\0'))).toBe(false);
    expect(isEvtxMagic(Buffer.from('<?xml version="1.0"?>'))).toBe(false);
    expect(isEvtxMagic(Buffer.alloc(3))).toBe(false);
  });
});
