// Writes zip, tar and gzip archives for tests, with every field under the test's control so hostile archives
// (lying sizes, encryption flags, unknown methods, names that climb out) can be built on purpose.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface ZipEntrySpec {
  /** The name bytes as stored (a string is written as UTF-8 with the UTF-8 flag). */
  name: string | Buffer;
  data: Buffer;
  /** 0 stored, 8 deflate (default), anything else is written as given with the data stored. */
  method?: number;
  /** General purpose flags to add (bit 0: encrypted). */
  flags?: number;
  /** Sizes to declare instead of the true ones. */
  declaredSize?: number;
}

export function makeZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const flags = (e.flags ?? 0) | (typeof e.name === 'string' ? 0x800 : 0);
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5821, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface TarEntrySpec {
  name: string;
  data?: Buffer;
  type?: 'file' | 'directory' | 'symlink';
  linkname?: string;
}

export async function makeTar(entries: TarEntrySpec[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => void chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const e of entries) {
    await new Promise<void>((resolve, reject) => {
      // A fixed time, so the same entries always make the same bytes.
      const header = { name: e.name, type: e.type ?? 'file', mtime: new Date('2024-03-08T00:00:00Z'), ...(e.linkname ? { linkname: e.linkname } : {}) };
      const done = (err?: Error | null): void => (err ? reject(err) : resolve());
      if (e.type === 'file' || e.type === undefined) pack.entry(header, e.data ?? Buffer.alloc(0), done);
      else pack.entry(header, done).end(undefined);
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export function makeGzip(data: Buffer): Buffer {
  return gzipSync(data);
}

/** Every file below `dir`, as "folder/name" paths relative to `relativeTo`, sorted. */
export function filesBelow(dir: string, relativeTo = path.dirname(dir)): Array<{ name: string; data: Buffer }> {
  const out: Array<{ name: string; data: Buffer }> = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ name: path.relative(relativeTo, full).split(path.sep).join('/'), data: readFileSync(full) });
    }
  };
  walk(dir);
  return out;
}
