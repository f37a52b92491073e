// An archive is one job for the file pool: a worker thread reads all its entries, in order, and sends back one
// result per entry, exactly what this thread gives.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import { analyzeInput, type FileResult } from '../../src/analyze.js';
import type { InputFile } from '../../src/ingest/index.js';
import { readFiles } from '../../src/read/index.js';
import { filesBelow, makeGzip, makeTar, makeZip } from '../helpers/archive-writer.js';

const DIST = path.resolve('dist');
const built = existsSync(path.join(DIST, 'read', 'parallel', 'worker.js'));

async function inputs(): Promise<InputFile[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'volact-archive-workers-'));
  const example = filesBelow('fixtures/example');
  const zip = path.join(dir, 'example.zip');
  const tgz = path.join(dir, 'example.tgz');
  writeFileSync(zip, makeZip(example.map((f) => ({ name: f.name, data: f.data }))));
  writeFileSync(tgz, makeGzip(await makeTar(example.map((f) => ({ name: f.name.replace('example/', ''), data: f.data })))));
  return [zip, tgz, 'fixtures/example/client02/Application.xml'].map((p) => ({ path: p, display: p }));
}

describe('archives in the file pool', () => {
  it('in this thread: one result per entry, in archive order, with machines named from the folders', async () => {
    const files = await inputs();
    const results = await readFiles(files, analyzeInput, { threads: 0 });
    const names = ['client01/Application.xml', 'client01/slmgr-dlv.txt', 'client02/Application.xml', 'kms01/KeyManagementService.xml', 'kms01/slmgr-dlv.txt'];
    expect(results.map((r) => r.account.file)).toEqual([
      ...names.map((n) => `${files[0].display}!example/${n}`),
      ...names.map((n) => `${files[1].display}!${n}`),
      'fixtures/example/client02/Application.xml',
    ]);
    expect(results.filter((r) => r.account.format === 'slmgr').flatMap((r) => r.facts.map((f) => f.fallbackMachine))).toEqual(['client01', 'kms01', 'client01', 'kms01']);
  });

  describe.skipIf(lacks('dist/ (npm run build)', built))('on worker threads (compiled dist/)', () => {
    it('gives exactly what one thread gives', async () => {
      const dist = async <T>(p: string): Promise<T> => (await import(pathToFileURL(path.join(DIST, p)).href)) as T;
      const { readFiles: readOnWorkers } = await dist<typeof import('../../src/read/index.js')>('read/index.js');
      const { analyzeInput: analyzeCompiled } = await dist<typeof import('../../src/analyze.js')>('analyze.js');
      const files = await inputs();
      const local = await readFiles(files, analyzeInput, { threads: 0 });
      const threaded: FileResult[] = await readOnWorkers(files, analyzeCompiled, { threads: 2 });
      expect(threaded.length).toBe(11);
      expect(threaded.every((r) => r.fromWorker === true)).toBe(true);
      expect(threaded.map(({ account, facts }) => ({ account, facts }))).toEqual(local.map(({ account, facts }) => ({ account, facts })));
    });
  });
});
