import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DelimitedSplitter, type DelimitedRow } from '../../src/ingest/text/delimited.js';

function split(parts: string[], delimiter = ',', max?: number): DelimitedRow[] {
  const s = new DelimitedSplitter(delimiter, max);
  return [...parts.flatMap((p) => s.push(p)), ...s.end()];
}

const SAMPLE =
  'Level,Date and Time,Source,Event ID,Task Category\r\n' +
  'Information,3/5/2024 4:12:04 AM,Microsoft-Windows-Security-SPP,12288,None,"The client sent a request.\r\nInfo:\r\n0x0, ""quoted"", x"\r\n' +
  '\r\n' +
  'Warning,3/5/2024 4:13:00 AM,Src,7,None,plain message\r\n';

describe('DelimitedSplitter', () => {
  it('reads quoted fields with line breaks and doubled quotes, with the line each row starts on', () => {
    expect(split([SAMPLE])).toEqual([
      { kind: 'row', line: 1, fields: ['Level', 'Date and Time', 'Source', 'Event ID', 'Task Category'] },
      {
        kind: 'row',
        line: 2,
        fields: ['Information', '3/5/2024 4:12:04 AM', 'Microsoft-Windows-Security-SPP', '12288', 'None', 'The client sent a request.\r\nInfo:\r\n0x0, "quoted", x'],
      },
      { kind: 'row', line: 6, fields: ['Warning', '3/5/2024 4:13:00 AM', 'Src', '7', 'None', 'plain message'] },
    ]);
  });

  it('gives the same rows however the text is cut into pieces', () => {
    const whole = split([SAMPLE]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: SAMPLE.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const parts: string[] = [];
        let from = 0;
        for (const p of points) {
          parts.push(SAMPLE.slice(from, p));
          from = p;
        }
        parts.push(SAMPLE.slice(from));
        expect(split(parts)).toEqual(whole);
      }),
    );
  });

  it('rejects a row longer than the limit and resyncs at the next line', () => {
    const rows = split(['a,b\n', 'x,"' + 'y'.repeat(50), '\nstill inside\n', 'c,d\n'], ',', 40);
    expect(rows[0]).toEqual({ kind: 'row', line: 1, fields: ['a', 'b'] });
    expect(rows[1]).toMatchObject({ kind: 'bad', line: 2 });
    expect(rows.slice(2)).toEqual([
      { kind: 'row', line: 3, fields: ['still inside'] },
      { kind: 'row', line: 4, fields: ['c', 'd'] },
    ]);
  });

  it('reports a quoted field the input ends in', () => {
    expect(split(['a,b\n1,"never closed\n'])).toEqual([
      { kind: 'row', line: 1, fields: ['a', 'b'] },
      { kind: 'bad', line: 2, reason: 'the input ends inside a quoted field (truncated file?)' },
    ]);
  });

  it('splits on tabs and semicolons', () => {
    expect(split(['a\tb;c\t"d\te"\n'], '\t')).toEqual([{ kind: 'row', line: 1, fields: ['a', 'b;c', 'd\te'] }]);
    expect(split(['"a";"b,c"\n'], ';')).toEqual([{ kind: 'row', line: 1, fields: ['a', 'b,c'] }]);
  });
});
