// Writes fixtures/archives/: small archives (fuzz seeds and examples) and hostile ones, from fixtures/example.
// Run: npx tsx test/archive/make-archive-fixtures.ts. The test archive-fixtures.test.ts checks the committed
// files are what this script writes, so they never drift from it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { filesBelow, makeGzip, makeTar, makeZip } from '../helpers/archive-writer.js';

export const ARCHIVE_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/archives');

export async function archiveFixtures(): Promise<Map<string, Buffer>> {
  // Without the 86 KB KMS host log, so every archive stays a small seed.
  const small = filesBelow(path.resolve(import.meta.dirname, '../../fixtures/example')).filter((f) => !f.name.endsWith('KeyManagementService.xml'));
  const slmgr = small.find((f) => f.name === 'example/client01/slmgr-dlv.txt')!.data;
  const xml = small.find((f) => f.name === 'example/client02/Application.xml')!.data;
  const client01Xml = small.find((f) => f.name === 'example/client01/Application.xml')!.data;
  const tarOf = (files: typeof small): Promise<Buffer> => makeTar(files.map((f) => ({ name: f.name, data: f.data })));
  const out = new Map<string, Buffer>();

  out.set('example.zip', makeZip(small.map((f) => ({ name: f.name, data: f.data }))));
  out.set('example-stored.zip', makeZip(small.map((f) => ({ name: f.name.replace('example/', ''), data: f.data, method: 0 }))));
  out.set('example.tar', await tarOf(small));
  out.set('example.tgz', makeGzip(await tarOf(small)));
  out.set('client01-slmgr-dlv.txt.gz', makeGzip(slmgr));
  out.set('nested.zip', makeZip([
    { name: 'client01.zip', data: makeZip([{ name: 'slmgr-dlv.txt', data: slmgr }, { name: 'Application.xml', data: client01Xml }]) },
    { name: 'client02.tgz', data: makeGzip(await makeTar([{ name: 'slmgr-dlv.txt', data: slmgr }])), method: 0 },
  ]));

  out.set('hostile/slip-names.zip', makeZip([
    { name: '../../evil/slmgr-dlv.txt', data: slmgr },
    { name: '/etc/cron.d/Application.xml', data: xml },
    { name: 'C:\\Windows\\System32\\x.xml', data: xml },
    { name: 'red\u001b[31m\u202eflipped.xml', data: xml },
  ]));
  // 40 MiB of spaces after an XML start: past the 32 MiB ratio floor at ~1000:1, in ~40 KB.
  const padded = Buffer.concat([Buffer.from('<Events>'), Buffer.alloc(40 * 1024 * 1024, 0x20)]);
  out.set('hostile/bomb.zip', makeZip([
    { name: 'declared.xml', data: padded },
    { name: 'lying.xml', data: padded, declaredSize: 1000 },
    { name: 'client01/slmgr-dlv.txt', data: slmgr },
  ]));
  out.set('hostile/encrypted.zip', makeZip([
    { name: 'secret.xml', data: xml, method: 0, flags: 1 },
    { name: 'lzma.xml', data: xml, method: 14 },
    { name: 'client01/slmgr-dlv.txt', data: slmgr },
  ]));
  const tgz = makeGzip(await tarOf(small));
  out.set('hostile/truncated.tgz', tgz.subarray(0, Math.floor(tgz.length * 0.7)));
  const zip = makeZip(small.map((f) => ({ name: f.name, data: f.data })));
  out.set('hostile/truncated.zip', zip.subarray(0, Math.floor(zip.length * 0.7)));
  let deep = makeZip([{ name: 'slmgr-dlv.txt', data: slmgr }]);
  for (let i = 6; i >= 1; i--) deep = makeZip([{ name: `level${i}.zip`, data: deep }]);
  out.set('hostile/nested-too-deep.zip', deep);
  out.set('hostile/link.tar', await makeTar([{ name: 'passwd', type: 'symlink', linkname: '/etc/passwd' }, { name: 'client01/slmgr-dlv.txt', data: slmgr }]));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const [name, bytes] of await archiveFixtures()) {
    const file = path.join(ARCHIVE_FIXTURES, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    console.log(`${bytes.length.toString().padStart(7)} ${path.relative(process.cwd(), file)}`);
  }
}
