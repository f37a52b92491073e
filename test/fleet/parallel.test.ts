import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import { analyzeFile, type FileResult } from '../../src/analyze.js';
import { expandInputs, type InputFile } from '../../src/ingest/index.js';
import { readFiles } from '../../src/read/index.js';

const SNAPSHOT = 'fixtures/snapshots/nightly-2024-03-08';
const DIST = path.resolve('dist');
const built = existsSync(path.join(DIST, 'read', 'parallel', 'worker.js'));

async function inputs(): Promise<InputFile[]> {
  const { files } = await expandInputs([SNAPSHOT, 'fixtures/ingest/not-xml.xml']);
  return files;
}

describe('readFiles', () => {
  it('reads in this thread from TypeScript sources, in input order, reporting progress', async () => {
    const files = await inputs();
    const progress: number[] = [];
    const results = await readFiles(files, analyzeFile, { threads: 4, onProgress: (done) => progress.push(done) });
    expect(results.map((r) => r.account.file)).toEqual(files.map((f) => f.display));
    expect(progress).toEqual(files.map((_, i) => i + 1));
    const slmgr = results.find((r) => r.account.file.endsWith('client01/slmgr-dli.txt'))!;
    // The folder names the machine for slmgr text.
    expect(slmgr.facts.map((f) => f.fallbackMachine)).toEqual(['client01']);
    expect(results.at(-1)!.account.rejected[0].reason).toMatch(/^unknown format/);
  });

  describe.skipIf(lacks('dist/ (npm run build)', built))('on worker threads (compiled dist/)', () => {
    it('gives exactly what one thread gives: accounts and facts survive structured clone, order kept', async () => {
      const dist = async <T>(p: string): Promise<T> => (await import(pathToFileURL(path.join(DIST, p)).href)) as T;
      const { readFiles: readOnWorkers, workersAvailable } = await dist<typeof import('../../src/read/index.js')>('read/index.js');
      const { analyzeFile: analyzeCompiled } = await dist<typeof import('../../src/analyze.js')>('analyze.js');
      expect(workersAvailable()).toBe(true);
      const files = await inputs();
      const local = await readFiles(files, analyzeFile, { threads: 0 });
      const threaded: FileResult[] = await readOnWorkers(files, analyzeCompiled, { threads: 2 });
      expect(threaded.every((r) => r.fromWorker === true)).toBe(true);
      expect(threaded.map(({ account, facts }) => ({ account, facts }))).toEqual(local.map(({ account, facts }) => ({ account, facts })));
      expect(local.some((r) => r.fromWorker)).toBe(false);
    });
  });
});
