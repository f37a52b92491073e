import { describe, expect, it } from 'vitest';
import { parseTimeZone, readExportTime } from '../../src/ingest/text/index.js';

describe('readExportTime', () => {
  it.each([
    ['2024/03/01 9:05:12', '2024-03-01T09:05:12Z'], // ja-JP
    ['3/1/2024 9:05:12 AM', '2024-03-01T09:05:12Z'], // en-US
    ['10/7/2016 06:38:24 PM', '2016-10-07T18:38:24Z'],
    ['12/31/2023 12:00:00 AM', '2023-12-31T00:00:00Z'],
    ['1/2/2024 12:30:00 PM', '2024-01-02T12:30:00Z'],
    ['05/03/2024 17:53:27', '2024-03-05T17:53:27Z'], // en-GB: day first without AM/PM
    ['01-07-2025 17:53:27', '2025-07-01T17:53:27Z'], // dd-MM-yyyy (quoted Event Viewer text export)
    ['05.03.2018 16:58:49', '2018-03-05T16:58:49Z'], // cs-CZ, de-DE
    ['2020-12-14T17:09:08.940', '2020-12-14T17:09:08.940Z'], // wevtutil
    ['2024/03/05 午後 6:12:04', '2024-03-05T18:12:04Z'],
    ['3/13/2024 9:05:12', '2024-03-13T09:05:12Z'], // 13 cannot be a month: month first after all
  ])('%s (no zone) → %s, local', (text, iso) => {
    expect(readExportTime(text)).toEqual({ iso, isLocal: true });
  });

  it('reads an offset or Z exactly, not as local', () => {
    expect(readExportTime('2024-03-05T04:12:04.1234567-05:00')).toEqual({ iso: '2024-03-05T09:12:04.1234567Z', isLocal: false });
    expect(readExportTime('2024-03-05 09:12:04Z')).toEqual({ iso: '2024-03-05T09:12:04Z', isLocal: false });
  });

  it.each(['', 'yesterday', '2024/13/45 10:00:00', '2/30/2024 1:00:00 AM', '3/5/24 4:12 AM', '2024/03/05 25:00:00', '13:00 PM'])(
    'rejects %j',
    (text) => {
      expect(readExportTime(text)).toBeUndefined();
    },
  );

  it('converts with a fixed offset zone', () => {
    const zone = parseTimeZone('+09:00');
    expect(readExportTime('2024/03/05 18:12:04', zone)).toEqual({ iso: '2024-03-05T09:12:04Z', isLocal: false });
    expect(readExportTime('2024/03/05 18:12:04', parseTimeZone('-0530'))?.iso).toBe('2024-03-05T23:42:04Z');
  });

  it('converts with an IANA zone, honouring daylight saving time', () => {
    const ny = parseTimeZone('America/New_York');
    expect(readExportTime('3/9/2024 11:00:00 PM', ny)?.iso).toBe('2024-03-10T04:00:00Z'); // EST, -5
    expect(readExportTime('3/10/2024 11:00:00 AM', ny)?.iso).toBe('2024-03-10T15:00:00Z'); // EDT, -4
    expect(readExportTime('2024/07/01 09:00:00', parseTimeZone('Europe/Berlin'))?.iso).toBe('2024-07-01T07:00:00Z');
    expect(readExportTime('2024/01/01 09:00:00', parseTimeZone('Europe/Berlin'))?.iso).toBe('2024-01-01T08:00:00Z');
  });

  it('parseTimeZone refuses what it cannot read', () => {
    expect(parseTimeZone('Mars/Olympus')).toBeUndefined();
    expect(parseTimeZone('+15:00')).toBeUndefined();
    expect(parseTimeZone('UTC')).toEqual({ kind: 'offset', minutes: 0 });
  });
});
