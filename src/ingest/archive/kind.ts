// Which archive, if any, the first bytes of an input are. Read from the bytes, never from the name.

export type ArchiveKind = 'zip' | 'gzip' | 'tar' | '7z' | 'cab' | 'docx' | 'ooxml' | 'odf';

interface Magic {
  kind: ArchiveKind;
  at: number;
  bytes: Buffer;
}

const MAGICS: Magic[] = [
  { kind: 'zip', at: 0, bytes: Buffer.from('PK\x03\x04', 'latin1') },
  // An empty zip is only its end record.
  { kind: 'zip', at: 0, bytes: Buffer.from('PK\x05\x06', 'latin1') },
  // A spanned/split zip's first part starts with the spanning marker before the first local header.
  { kind: 'zip', at: 0, bytes: Buffer.from('PK\x07\x08PK\x03\x04', 'latin1') },
  { kind: 'gzip', at: 0, bytes: Buffer.from([0x1f, 0x8b]) },
  { kind: '7z', at: 0, bytes: Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { kind: 'cab', at: 0, bytes: Buffer.from('MSCF\0\0\0\0', 'latin1') },
  // POSIX "ustar\0" and GNU "ustar  \0" both start so, in the first 512-byte header.
  { kind: 'tar', at: 257, bytes: Buffer.from('ustar', 'latin1') },
];

export function sniffArchive(head: Buffer): ArchiveKind | undefined {
  const kind = MAGICS.find((m) => head.length >= m.at + m.bytes.length && head.subarray(m.at, m.at + m.bytes.length).equals(m.bytes))?.kind;
  return kind === 'zip' ? (officeDocument(head) ?? kind) : kind;
}

/**
 * A Word (or Excel, PowerPoint, OpenDocument) file is a zip of XML parts; opened as an archive it would give
 * dozens of "unknown format" entries. Told apart by the name of the first entry, which sits in the first bytes:
 * Office writes "[Content_Types].xml" (or a part under word/, xl/, ppt/, _rels/, docProps/), OpenDocument "mimetype".
 */
function officeDocument(head: Buffer): ArchiveKind | undefined {
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return undefined;
  const nameLength = head.readUInt16LE(26);
  const name = head.toString('latin1', 30, Math.min(head.length, 30 + nameLength));
  if (name === 'mimetype') return 'odf';
  if (!/^(?:\[Content_Types\]\.xml|word\/|xl\/|ppt\/|_rels\/|docProps\/)/.test(name)) return undefined;
  return /word\//.test(head.toString('latin1')) || name.startsWith('word/') ? 'docx' : 'ooxml';
}

/** The smallest head that tells every kind apart (the tar magic sits at 257). */
export const ARCHIVE_SNIFF_BYTES = 512;

/**
 * Formats no well-kept JavaScript library reads in-process as a stream: named with the commands that
 * unpack them, so the person can do it and pass the folder.
 */
export const UNREAD_ARCHIVES: Record<Exclude<ArchiveKind, 'zip' | 'gzip' | 'tar'>, string> = {
  '7z':
    'a 7-Zip archive, which volact does not read: extract it and pass the folder ' +
    '(Windows 11 23H2 and later: File Explorer > Extract All; with 7-Zip installed: 7z x FILE -oFOLDER; ' +
    'Linux: 7z x FILE -oFOLDER, from p7zip or 7zip)',
  cab:
    'a cabinet (.cab) archive, which volact does not read: extract it and pass the folder ' +
    '(Windows: expand FILE -F:* FOLDER; Linux: cabextract -d FOLDER FILE)',
  docx: 'a Word document (.docx), which volact does not read: paste its text (the command output it quotes) into a .txt file and pass that',
  ooxml: 'an Office document (.xlsx, .pptx or .docx), which volact does not read: save or paste the text it holds as a .txt or .csv file',
  odf: 'an OpenDocument file (.odt, .ods), which volact does not read: save or paste the text it holds as a .txt file',
};
