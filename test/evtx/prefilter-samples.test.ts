// The pre-filter (records whose EventID is not wanted are skipped before they are decoded) against the full read,
// on every sample log: the same events pass, the same records are rejected, and every other record is counted
// as ignored. Real Windows templates make <EventID> depend on its own value, which the pre-filter must follow.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read } from './support.js';

const SAMPLES = new URL('../../../shared/samples/evtx/', import.meta.url).pathname;
const files = existsSync(SAMPLES)
  ? readdirSync(SAMPLES, { recursive: true }).map(String).filter((f) => f.endsWith('.evtx')).sort()
  : [];
if (files.length === 0) console.log(`[evtx] skipping the pre-filter comparison: no samples in ${SAMPLES}`);

describe.skipIf(files.length === 0)('EVTX pre-filter on the sample logs', () => {
  it.each(files)('%s: a filtered read keeps exactly the wanted events of the full read', async (f) => {
    const bytes = readFileSync(join(SAMPLES, f));
    const full = await read(bytes);
    // Every second EventID the file holds (in order of first appearance) is wanted.
    const ids = [...new Set(full.events.map((e) => e.eventId))];
    const wanted = new Set(ids.filter((_, i) => i % 2 === 0));
    const filtered = await read(bytes, { eventIds: wanted });
    const kept = full.events.filter((e) => wanted.has(e.eventId));
    expect(filtered.events).toEqual(kept);
    expect(filtered.rejections).toEqual(full.rejections);
    expect(filtered.ignored).toBe(full.events.length - kept.length);
  });
});
