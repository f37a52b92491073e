// The writer-made fixtures in ../shared/samples/evtx/synthetic/ with their ground truth
// (*.expected.jsonl), including the template-less form no Debian tool reads.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import { read } from './support.js';

const DIR = new URL('../../../shared/samples/evtx/synthetic/', import.meta.url).pathname;
const have = existsSync(DIR);

interface Truth {
  rid: string;
  eid: string;
  qualifiers: string | null;
  level: string | null;
  channel: string;
  computer: string;
  time_us: number;
  provider: string;
  provider_guid: string | null;
  payload: Array<[string, string]>;
}

/** Microseconds since the Unix epoch of an ISO time with a 7-digit fraction, rounded as the ground truth is. */
function micros(iso: string): number {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(iso)!;
  return Date.parse(m[1] + 'Z') * 1000 + Math.round(Number((m[2] ?? '').padEnd(7, '0')) / 10);
}

describe.skipIf(lacks('../shared/samples/evtx', have))('EVTX reader on the synthetic fixtures', () => {
  for (const name of ['fixture-template', 'fixture-plain']) {
    it(`${name} matches its ground truth`, async () => {
      const truth = readFileSync(`${DIR}${name}.expected.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Truth);
      const r = await read(readFileSync(`${DIR}${name}.evtx`));
      expect(r.rejections).toEqual([]);
      expect(r.events).toHaveLength(truth.length);
      r.events.forEach((e, i) => {
        const t = truth[i];
        expect(String(e.recordId)).toBe(t.rid);
        expect(String(e.eventId)).toBe(t.eid);
        expect(e.qualifiers === undefined ? null : String(e.qualifiers)).toBe(t.qualifiers);
        expect(e.level === undefined ? null : String(e.level)).toBe(t.level);
        expect([e.provider, e.providerGuid ?? null, e.channel, e.computer]).toEqual([t.provider, t.provider_guid, t.channel, t.computer]);
        expect(micros(e.timeCreated)).toBe(t.time_us);
        const payload: Array<[string, string]> = [
          ...Object.entries(e.namedData ?? {}).map(([k, val]): [string, string] => [`/EventData/Data[${k}]`, val]),
          ...Object.entries(e.userData ?? {}).map(([k, val]): [string, string] => [`/UserData/MyEvent/${k}`, /T.*Z$/.test(val) ? `t:${micros(val)}` : val]),
        ];
        expect(payload).toEqual(t.payload);
      });
    });
  }

  it('fixture-edge: reads the record that ends exactly at the chunk end (libevtx drops it)', async () => {
    const edge = await read(readFileSync(`${DIR}fixture-edge.evtx`));
    const reserve = await read(readFileSync(`${DIR}fixture-edge-reserve.evtx`));
    expect(edge.rejections).toEqual([]);
    expect(edge.events).toHaveLength(400);
    expect(edge.events.map((e) => [e.recordId, e.data])).toEqual(reserve.events.map((e) => [e.recordId, e.data]));
  });
});
