// A DNS server for tests: UDP on 127.0.0.1, answering SRV and A questions from a small zone table.
// Names not in the table get NXDOMAIN; a name without the asked type gets an empty answer (NODATA).
// `silent` makes it read every query and answer none (a resolver that never answers).
import { createSocket, type Socket } from 'node:dgram';

export interface ZoneEntry {
  srv?: { priority: number; weight: number; port: number; target: string }[];
  a?: string[];
}

export interface LocalDns {
  port: number;
  /** Questions received, as "name TYPE". */
  queries: string[];
  close(): Promise<void>;
}

const TYPE_A = 1;
const TYPE_SRV = 33;

function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'ascii')])), Buffer.from([0])]);
}

function readName(msg: Buffer, at: number): { name: string; end: number } {
  const labels: string[] = [];
  let i = at;
  while (msg[i] !== 0) {
    const len = msg[i]!;
    labels.push(msg.subarray(i + 1, i + 1 + len).toString('ascii'));
    i += 1 + len;
  }
  return { name: labels.join('.'), end: i + 1 };
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function record(name: string, type: number, rdata: Buffer): Buffer {
  const ttl = Buffer.alloc(4);
  ttl.writeUInt32BE(600);
  return Buffer.concat([encodeName(name), u16(type), u16(1), ttl, u16(rdata.length), rdata]);
}

function answer(query: Buffer, zone: Record<string, ZoneEntry>): { reply: Buffer; asked: string } {
  const id = query.readUInt16BE(0);
  const { name, end } = readName(query, 12);
  const qtype = query.readUInt16BE(end);
  const question = query.subarray(12, end + 4);
  const entry = zone[name.toLowerCase()];
  const answers: Buffer[] = [];
  if (entry && qtype === TYPE_SRV) {
    for (const s of entry.srv ?? []) answers.push(record(name, TYPE_SRV, Buffer.concat([u16(s.priority), u16(s.weight), u16(s.port), encodeName(s.target)])));
  }
  if (entry && qtype === TYPE_A) {
    for (const ip of entry.a ?? []) answers.push(record(name, TYPE_A, Buffer.from(ip.split('.').map(Number))));
  }
  const rcode = entry ? 0 : 3;
  const header = Buffer.concat([u16(id), u16(0x8180 | rcode), u16(1), u16(answers.length), u16(0), u16(0)]);
  return { reply: Buffer.concat([header, question, ...answers]), asked: `${name} ${qtype === TYPE_SRV ? 'SRV' : qtype === TYPE_A ? 'A' : qtype}` };
}

export function startLocalDns(zone: Record<string, ZoneEntry>, options: { silent?: boolean } = {}): Promise<LocalDns> {
  const socket: Socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (msg, rinfo) => {
    const { reply, asked } = answer(msg, zone);
    queries.push(asked);
    if (!options.silent) socket.send(reply, rinfo.port, rinfo.address);
  });
  return new Promise((resolve) => {
    socket.bind(0, '127.0.0.1', () => {
      resolve({ port: socket.address().port, queries, close: () => new Promise((done) => socket.close(() => done())) });
    });
  });
}
